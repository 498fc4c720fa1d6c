//! The lexicon by period: the factions, parties, cabinets and ministries of the Landtag
//! Nordrhein-Westfalen from the 1st Wahlperiode (1947) on, each with the periods or dates it is
//! valid for. The tables are data (`data/lexicon/*.tsv`), compiled into the binary and read on
//! first use; this module only reads and answers from them.
//!
//! Everything that means "all factions" (`einstimmig`, `alle Fraktionen`), "the coalition" or
//! "the opposition" is answered for *one* period (and date): a 16th-period `einstimmig` never
//! includes the AfD, a 15th-period one includes DIE LINKE.

use crate::date::Date;
use serde::{Serialize, Serializer};
use std::collections::HashMap;
use std::sync::LazyLock;

const FRAKTIONEN: &str = include_str!("../../../data/lexicon/fraktionen.tsv");
const PARTEIEN: &str = include_str!("../../../data/lexicon/parteien.tsv");
const KABINETTE: &str = include_str!("../../../data/lexicon/kabinette.tsv");
const MINISTERIEN: &str = include_str!("../../../data/lexicon/ministerien.tsv");
const GRUPPEN: &str = include_str!("../../../data/lexicon/gruppen.tsv");
const AUSSCHUESSE: &str = include_str!("../../../data/lexicon/ausschuesse.tsv");
const WAHLPERIODEN: &str = include_str!("../../../data/lexicon/wahlperioden.tsv");
const SITZE: &str = include_str!("../../../data/lexicon/sitze.tsv");

/// A parliamentary group (Fraktion): an entry of `fraktionen.tsv`. Not a party.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Faction(u16);

/// `Cdu`, `Gruene`, `Piraten`: the key, capitalised.
impl std::fmt::Debug for Faction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let key = self.key();
        let mut chars = key.chars();
        let first = chars.next().map(|c| c.to_ascii_uppercase());
        write!(f, "{}{}", first.unwrap_or(' '), chars.as_str())
    }
}

/// A party (`parteien.tsv`).
#[derive(Debug)]
pub struct Party {
    pub key: String,
    pub short: String,
    pub name: String,
}

/// A state government and the factions that formed it (`kabinette.tsv`).
#[derive(Debug)]
pub struct Cabinet {
    pub name: String,
    /// In office from, until (`None`: in office now).
    pub from: Date,
    pub to: Option<Date>,
    pub periods: Periods,
    pub factions: Vec<Faction>,
}

/// A ministry by abbreviation and name (`ministerien.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Ministry {
    pub abbr: &'static str,
    pub name: &'static str,
    /// Compound titles of its minister (`Finanzminister`), `|`-separated.
    #[serde(skip)]
    pub roles: &'static str,
}

/// What a phrase for several factions means (`gruppen.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Group {
    /// The factions of the cabinet in office: `die Koalitionsfraktionen`.
    Coalition,
    /// The factions of the period not in the cabinet: `die Opposition`.
    Opposition,
    /// Every faction of the period: `alle Fraktionen`, `das ganze Haus`.
    All,
    /// Every faction of the period not named otherwise in the same vote: `alle anderen
    /// Fraktionen`, `der Rest des Hauses`.
    Others,
    /// Named factions: `Rot-Grün`.
    These(Vec<Faction>),
}

/// Wahlperioden as ranges (`1-8,10-11,13-18`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Periods(Vec<(u32, u32)>);

impl Periods {
    pub fn contains(&self, period: u32) -> bool {
        self.0.iter().any(|(a, b)| (*a..=*b).contains(&period))
    }

    pub fn parse(s: &str) -> Periods {
        Periods(
            s.split(',')
                .map(|r| match r.split_once('-') {
                    Some((a, b)) => (num(a), num(b)),
                    None => (num(r), num(r)),
                })
                .collect(),
        )
    }
}

pub(crate) fn day(s: &str) -> Date {
    Date::parse_iso(s).unwrap_or_else(|| panic!("lexicon: `{s}` is not a day"))
}

fn num(s: &str) -> u32 {
    s.trim()
        .parse()
        .unwrap_or_else(|_| panic!("lexicon: `{s}` is not a Wahlperiode"))
}

struct FactionEntry {
    key: String,
    label: String,
    party: usize,
    periods: Periods,
}

struct Lexicon {
    factions: Vec<FactionEntry>,
    /// Spelling (folded) → factions bearing it, in table order.
    spellings: HashMap<String, Vec<Faction>>,
    /// Every spelling as printed, longest first (for scanning running text).
    printed: Vec<(String, Faction)>,
    parties: Vec<Party>,
    cabinets: Vec<Cabinet>,
    ministries: Vec<(Ministry, Periods)>,
    groups: Vec<(String, Group)>,
    /// Committee name → key (empty: none) and periods.
    committees: Vec<(&'static str, &'static str, Periods)>,
    /// Each Wahlperiode and the day it began, in order.
    periods: Vec<(u32, Date)>,
}

/// The rows of a TSV table: `#` comments and the header skipped, cells by column name.
pub(crate) fn rows(table: &'static str) -> Vec<HashMap<&'static str, &'static str>> {
    let mut lines = table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header: Vec<&str> = lines.next().map_or(Vec::new(), |h| h.split('\t').collect());
    lines
        .map(|l| header.iter().copied().zip(l.split('\t')).collect())
        .collect()
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(load);

/// (period, faction) → seats at the start of the period (`sitze.tsv`).
static SEATS: LazyLock<HashMap<(u32, Faction), u32>> = LazyLock::new(|| {
    rows(SITZE)
        .into_iter()
        .map(|r| {
            let period = r["wahlperiode"].parse().expect("sitze.tsv: a period");
            let f = Faction::by_key(r["faction"])
                .unwrap_or_else(|| panic!("sitze.tsv: faction `{}` unknown", r["faction"]));
            assert!(f.sat_in(period), "sitze.tsv: {f:?} did not sit in {period}");
            ((period, f), r["seats"].parse().expect("sitze.tsv: seats"))
        })
        .collect()
});

/// The seats a faction held at the start of `period`, where the table knows them.
pub fn seats(period: u32, f: Faction) -> Option<u32> {
    SEATS.get(&(period, f)).copied()
}

fn load() -> Lexicon {
    let parties: Vec<Party> = rows(PARTEIEN)
        .into_iter()
        .map(|r| Party {
            key: r["key"].to_owned(),
            short: r["short"].to_owned(),
            name: r["name"].to_owned(),
        })
        .collect();
    let (factions, spellings, printed) = factions(&parties);
    let by_key = |k: &str| {
        factions
            .iter()
            .position(|e| e.key == k)
            .map(|i| Faction(i as u16))
            .unwrap_or_else(|| panic!("lexicon: faction `{k}` unknown"))
    };
    let cabinets = rows(KABINETTE)
        .into_iter()
        .map(|r| Cabinet {
            name: r["cabinet"].to_owned(),
            from: day(r["from"]),
            to: Some(r["to"]).filter(|t| !t.is_empty()).map(day),
            periods: Periods::parse(r["periods"]),
            factions: r["factions"].split(',').map(by_key).collect(),
        })
        .collect();
    let ministries = rows(MINISTERIEN)
        .into_iter()
        .map(|r| {
            let m = Ministry {
                abbr: r["abbr"],
                name: r["name"],
                roles: r.get("roles").copied().unwrap_or(""),
            };
            (m, Periods::parse(r["periods"]))
        })
        .collect();
    let committees = rows(AUSSCHUESSE)
        .into_iter()
        .map(|r| (r["name"], r["key"], Periods::parse(r["periods"])))
        .collect();
    let periods = rows(WAHLPERIODEN)
        .into_iter()
        .map(|r| (num(r["period"]), day(r["begins"])))
        .collect();
    Lexicon {
        committees,
        periods,
        groups: group_table(&by_key),
        factions,
        spellings,
        printed,
        parties,
        cabinets,
        ministries,
    }
}

type Spellings = HashMap<String, Vec<Faction>>;

/// The factions' table: entries, spellings (folded) and spellings as printed, longest first.
fn factions(parties: &[Party]) -> (Vec<FactionEntry>, Spellings, Vec<(String, Faction)>) {
    let mut factions = Vec::new();
    let mut spellings: Spellings = HashMap::new();
    let mut printed = Vec::new();
    for (i, r) in rows(FRAKTIONEN).into_iter().enumerate() {
        let f = Faction(i as u16);
        let party = parties
            .iter()
            .position(|p| p.key == r["party"])
            .unwrap_or_else(|| panic!("lexicon: party `{}` unknown", r["party"]));
        for s in std::iter::once(r["label"]).chain(r["spellings"].split('|')) {
            let entry = spellings.entry(fold(s)).or_default();
            if !entry.contains(&f) {
                entry.push(f);
            }
            printed.push((s.to_owned(), f));
        }
        factions.push(FactionEntry {
            key: r["key"].to_owned(),
            label: r["label"].to_owned(),
            party,
            periods: Periods::parse(r["periods"]),
        });
    }
    printed.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    (factions, spellings, printed)
}

/// The group phrases, longest first.
fn group_table(by_key: &dyn Fn(&str) -> Faction) -> Vec<(String, Group)> {
    let mut groups: Vec<(String, Group)> = rows(GRUPPEN)
        .into_iter()
        .map(|r| {
            let g = match r["means"] {
                "coalition" => Group::Coalition,
                "opposition" => Group::Opposition,
                "all" => Group::All,
                "others" => Group::Others,
                keys => Group::These(keys.split(',').map(by_key).collect()),
            };
            (r["phrase"].to_owned(), g)
        })
        .collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.0.len()));
    groups
}

/// Lower case, whitespace collapsed, `/ ` closed up: the form spellings are compared in.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("/ ", "/")
        .replace(" /", "/")
        .to_lowercase()
}

impl Faction {
    fn entry(self) -> &'static FactionEntry {
        &LEXICON.factions[self.0 as usize]
    }

    /// The faction with this key (`cdu`, `piraten`).
    pub fn by_key(key: &str) -> Option<Faction> {
        LEXICON
            .factions
            .iter()
            .position(|e| e.key == key)
            .map(|i| Faction(i as u16))
    }

    /// The short label the Landtag prints in speaker lines (`SPD`, `GRÜNE`, `PIRATEN`).
    pub fn label(self) -> &'static str {
        &self.entry().label
    }

    /// A stable ASCII key, used in identifiers.
    pub fn key(self) -> &'static str {
        &self.entry().key
    }

    /// The party whose members form the faction.
    pub fn party(self) -> &'static Party {
        &LEXICON.parties[self.entry().party]
    }

    /// Whether the faction sat in the Landtag in this Wahlperiode.
    pub fn sat_in(self, period: u32) -> bool {
        self.entry().periods.contains(period)
    }
}

impl Serialize for Faction {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

/// The faction a label names (`SPD`, `BÜNDNIS 90/DIE GRÜNEN`, `der CDU-Fraktion`, `Fraktion der
/// Piraten`, `Piratenfraktion`), preferring one that sat in `period` where a spelling is shared.
pub fn faction_named(label: &str, period: Option<u32>) -> Option<Faction> {
    let exact = fold(label.trim());
    if let Some(f) = lookup(&exact, period) {
        return Some(f);
    }
    let mut l = fold(label.trim().trim_end_matches(['.', ',', ';', ':', '!']));
    for article in ["der ", "den ", "die ", "des ", "dem "] {
        if let Some(rest) = l.strip_prefix(article) {
            l = rest.to_owned();
        }
    }
    for prefix in [
        "fraktion der ",
        "fraktion des ",
        "fraktion von ",
        "fraktion ",
    ] {
        if let Some(rest) = l.strip_prefix(prefix) {
            l = rest.to_owned();
            break;
        }
    }
    lookup(&l, period).or_else(|| {
        let stem = l
            .strip_suffix("-fraktion")
            .or_else(|| l.strip_suffix("fraktion"))?;
        lookup(stem.trim_end_matches('-'), period)
    })
}

/// The faction a folded spelling names, one of `period` first.
fn lookup(folded: &str, period: Option<u32>) -> Option<Faction> {
    let candidates = LEXICON.spellings.get(folded)?;
    candidates
        .iter()
        .copied()
        .find(|f| period.is_some_and(|p| f.sat_in(p)))
        .or(candidates.first().copied())
}

/// Every spelling of every faction as printed, longest first, for scanning running text.
pub fn printed_spellings() -> &'static [(String, Faction)] {
    &LEXICON.printed
}

/// Every faction spelling as a regex alternation (no group), longest first, white space and
/// `/` loose: for readers that find factions inside longer patterns.
pub fn spelling_pattern() -> &'static str {
    static PATTERN: LazyLock<String> = LazyLock::new(|| {
        printed_spellings()
            .iter()
            .map(|(s, _)| {
                regex::escape(s)
                    .replace(' ', r"\s+")
                    .replace('/', r"\s*/\s*")
            })
            .collect::<Vec<_>>()
            .join("|")
    });
    &PATTERN
}

/// The factions that sat in `period`, in the table's order.
pub fn factions_in(period: u32) -> Vec<Faction> {
    (0..LEXICON.factions.len())
        .map(|i| Faction(i as u16))
        .filter(|f| f.sat_in(period))
        .collect()
}

/// The cabinet in office on `date`, else the last cabinet of `period`.
pub fn cabinet(period: Option<u32>, date: Option<Date>) -> Option<&'static Cabinet> {
    let on_date = date.and_then(|d| {
        LEXICON
            .cabinets
            .iter()
            .find(|c| c.from <= d && c.to.is_none_or(|t| d < t))
    });
    on_date.or_else(|| {
        let p = period?;
        LEXICON
            .cabinets
            .iter()
            .rev()
            .find(|c| c.periods.contains(p))
    })
}

/// Every cabinet, in order (`kabinette.tsv`).
pub fn cabinets() -> &'static [Cabinet] {
    &LEXICON.cabinets
}

/// The days a Wahlperiode began and the next one began (`None` for the period in course).
pub fn period_days(period: u32) -> Option<(Date, Option<Date>)> {
    let periods = &LEXICON.periods;
    let i = periods.iter().position(|(wp, _)| *wp == period)?;
    Some((periods[i].1, periods.get(i + 1).map(|(_, d)| *d)))
}

/// The factions that formed the government (`die Koalitionsfraktionen`).
pub fn coalition(period: Option<u32>, date: Option<Date>) -> Vec<Faction> {
    cabinet(period, date).map_or(Vec::new(), |c| c.factions.clone())
}

/// The factions of `period` not in the government.
pub fn opposition(period: u32, date: Option<Date>) -> Vec<Faction> {
    let gov = coalition(Some(period), date);
    factions_in(period)
        .into_iter()
        .filter(|f| !gov.contains(f))
        .collect()
}

/// Phrases for several factions at once, longest first.
pub fn groups() -> &'static [(String, Group)] {
    &LEXICON.groups
}

/// A committee named as the lexicon lists it (`Haushalts- und Finanzausschuss`), in either
/// spelling (`Haushalts- und Finanzausschuß` before the 1996 reform): its key for IRIs
/// (`hfa`), where it has one, and the periods it bore the name in.
pub fn committee(name: &str) -> Option<(&'static str, &'static Periods)> {
    let spelled = |s: &str| s.replace('ß', "ss");
    let name = spelled(name);
    LEXICON
        .committees
        .iter()
        .find(|(n, _, _)| spelled(n) == name)
        .map(|(_, k, p)| (*k, p))
}

/// The Wahlperiode in force on a day: the one begun last on or before it
/// (`data/lexicon/wahlperioden.tsv`); `None` before the first.
pub fn wahlperiode_on(date: Date) -> Option<u32> {
    LEXICON
        .periods
        .iter()
        .rev()
        .find(|(_, begins)| *begins <= date)
        .map(|(wp, _)| *wp)
}

/// The party with this key.
pub fn party(key: &str) -> Option<&'static Party> {
    LEXICON.parties.iter().find(|p| p.key == key)
}

/// The ministry a printed abbreviation or role names: `MWIDE`, `Ministerin für Schule und
/// Bildung`, `Minister der Finanzen`, `im Geschäftsbereich des Ministerpräsidenten` (the
/// Staatskanzlei). An abbreviation shared by two periods' ministries is read in `period`.
pub fn ministry(abbr_or_role: &str, period: Option<u32>) -> Option<Ministry> {
    let t = abbr_or_role
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if t.starts_with("im Geschäftsbereich des Ministerpräsidenten")
        || t.starts_with("im Geschäftsbereich der Ministerpräsidentin")
        || t == "Chef der Staatskanzlei"
        || t == "Chefin der Staatskanzlei"
    {
        return ministry("StK", period);
    }
    let rest = t
        .strip_prefix("Ministerin ")
        .or_else(|| t.strip_prefix("Minister "));
    let matches = |m: &Ministry| {
        m.abbr == t
            || m.name == t
            || rest.is_some_and(|r| m.name.strip_prefix("Ministerium ") == Some(r))
            || m.roles
                .split('|')
                .any(|r| !r.is_empty() && (t == r || t == format!("{r}in")))
    };
    let found: Vec<&(Ministry, Periods)> = LEXICON
        .ministries
        .iter()
        .filter(|(m, _)| matches(m))
        .collect();
    found
        .iter()
        .find(|(_, p)| period.is_some_and(|wp| p.contains(wp)))
        .or(found.first())
        .map(|(m, _)| *m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_committee_is_found_in_either_spelling() {
        let key = |n: &str| committee(n).map(|(k, _)| k);
        assert_eq!(key("Haushalts- und Finanzausschuss"), Some("hfa"));
        assert_eq!(key("Haushalts- und Finanzausschuß"), Some("hfa"));
        assert_eq!(key("Finanzausschuß"), None);
    }

    /// Every period from the first on, each beginning after its election and after the one
    /// before it, and every period a table names (factions, cabinets) among them.
    #[test]
    fn the_periods_follow_one_another() {
        let rows = rows(WAHLPERIODEN);
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(num(r["period"]) as usize, i + 1, "{r:?}");
            assert!(day(r["elected"]) < day(r["begins"]), "{r:?}");
            assert!(i == 0 || rows[i - 1]["begins"] < r["begins"], "{r:?}");
        }
        let last = rows.len() as u32;
        // A cabinet takes office in a period it is listed for (the appointed Landtag's cabinet
        // of 1946 before the first).
        for c in &LEXICON.cabinets {
            let wp = wahlperiode_on(c.from);
            assert!(
                wp.is_none_or(|wp| c.periods.contains(wp)),
                "{}: {wp:?}",
                c.name
            );
        }
        let later = |p: &Periods| (last + 1..last + 10).any(|wp| p.contains(wp));
        assert!(!LEXICON.cabinets.iter().any(|c| later(&c.periods)));
        assert!(!LEXICON.factions.iter().any(|f| later(&f.periods)));
    }

    /// Every faction of every period has its seats, and no one else.
    #[test]
    fn every_faction_of_a_period_has_its_seats() {
        for period in 1..=18 {
            for f in factions_in(period) {
                assert!(seats(period, f).is_some(), "sitze.tsv: {f:?} in {period}");
            }
            let total: u32 = factions_in(period)
                .iter()
                .filter_map(|f| seats(period, *f))
                .sum();
            assert!(
                (180..=240).contains(&total),
                "period {period}: {total} seats"
            );
        }
        assert_eq!(
            SEATS.len(),
            (1..=18).map(|p| factions_in(p).len()).sum::<usize>()
        );
    }

    fn labels(fs: &[Faction]) -> Vec<&'static str> {
        fs.iter().map(|f| f.label()).collect()
    }

    #[test]
    fn factions_by_period() {
        assert_eq!(
            labels(&factions_in(1)),
            ["CDU", "SPD", "FDP", "KPD", "Zentrum"]
        );
        assert_eq!(labels(&factions_in(9)), ["CDU", "SPD"]);
        assert_eq!(labels(&factions_in(12)), ["CDU", "SPD", "GRÜNE"]);
        assert_eq!(
            labels(&factions_in(15)),
            ["CDU", "SPD", "FDP", "GRÜNE", "LINKE"]
        );
        assert_eq!(
            labels(&factions_in(16)),
            ["CDU", "SPD", "FDP", "GRÜNE", "PIRATEN"]
        );
        assert_eq!(
            labels(&factions_in(18)),
            ["CDU", "SPD", "FDP", "GRÜNE", "AfD"]
        );
    }

    #[test]
    fn spellings() {
        let key = |s: &str| faction_named(s, Some(16)).map(|f| f.key());
        assert_eq!(key("BÜNDNIS 90/DIE GRÜNEN"), Some("gruene"));
        assert_eq!(key("Bündnis 90/ Die Grünen"), Some("gruene"));
        assert_eq!(key("der CDU-Fraktion"), Some("cdu"));
        assert_eq!(key("CDUFraktion"), Some("cdu"));
        assert_eq!(key("Piratenfraktion"), Some("piraten"));
        assert_eq!(key("Fraktion der Piraten"), Some("piraten"));
        assert_eq!(key("F.D.P."), Some("fdp"));
        assert_eq!(key("DIE LINKE"), Some("linke"));
        assert_eq!(key("Ausschuss"), None);
    }

    #[test]
    fn coalitions_by_date_and_period() {
        assert_eq!(labels(&coalition(Some(16), None)), ["SPD", "GRÜNE"]);
        assert_eq!(
            labels(&coalition(Some(17), Date::parse_iso("2021-12-02"))),
            ["CDU", "FDP"]
        );
        assert_eq!(labels(&coalition(Some(18), None)), ["CDU", "GRÜNE"]);
        // 1956: Steinhoff replaced Arnold within the 3rd period.
        assert_eq!(
            labels(&coalition(Some(3), Date::parse_iso("1957-01-10"))),
            ["SPD", "FDP", "Zentrum"]
        );
        assert_eq!(labels(&opposition(16, None)), ["CDU", "FDP", "PIRATEN"]);
    }

    #[test]
    fn ministries_by_period() {
        assert_eq!(ministry("MWIDE", Some(17)).map(|m| m.abbr), Some("MWIDE"));
        assert_eq!(
            ministry("Ministerin für Schule und Weiterbildung", Some(16)).map(|m| m.abbr),
            Some("MSW")
        );
        assert_eq!(
            ministry("im Geschäftsbereich des Ministerpräsidenten", None).map(|m| m.abbr),
            Some("StK")
        );
        assert_eq!(
            ministry("Finanzminister", Some(16)).map(|m| m.abbr),
            Some("FM")
        );
        assert_eq!(
            ministry("Innenminister", Some(16)).map(|m| m.abbr),
            Some("MIK")
        );
        assert_eq!(
            ministry("Innenminister", Some(17)).map(|m| m.abbr),
            Some("IM")
        );
        assert_eq!(
            ministry("Schulministerin", Some(16)).map(|m| m.abbr),
            Some("MSW")
        );
    }
}
