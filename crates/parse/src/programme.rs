//! Programmes and dated figures in the government's prose.
//!
//! - Programmes: names the text quotes (`„Digitale Modellregionen in NRW“`), and platform names
//!   in capitals with `NRW` (`LOGINEO NRW`, `LOGINEO NRW LMS`, `EDMOND NRW`); a name that
//!   extends another is its part. Dates: `Rollout am 26. November 2019`, `… die der Landtag am
//!   25. Juni 2020 verabschiedet hat`, `im Sommer 2018 … gestartet`; `soll … ergänzt werden`,
//!   `geplant`, `beabsichtigt` make a programme named only there planned.
//! - Figures: a count with what it counts (`872 Schulen`, `401 von 580 OZG-Leistungen`, `bis zu
//!   120 Kommunen`), the date it was counted on where printed (`(Stand 25. Juni 2020)`,
//!   `Datenstand: 12.11.21`) and the programme its sentence names.

use super::refs::first_date;
use super::sentence::split as sentences;
use crate::model::{CharIndex, Date};
use crate::words::collapse;
use regex::Regex;
use std::sync::LazyLock;

pub use crate::model::Programme;

/// A count with its sentence as a byte range of the text read (`span`): the caller maps it to
/// the characters the model counts.
pub use crate::model::Figure;

/// A quoted name: capitalised, no parenthesis (`„logineo (orange)“` is quoted to be told apart).
static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"„(\p{Lu}[^“”()]{2,80})[“”]").unwrap());
static PLATFORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\p{Lu}{4,}(?:-\p{Lu}+)? NRW(?: (?:\p{Lu}{2,5}\b|Messenger\b))?").unwrap()
});
static ROLLOUT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bRollout am ([^,;]{6,25}\d{4})").unwrap());
static PASSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Novellierung|Änderung|Neufassung) (?:des|der) (?P<law>\p{Lu}[\p{L}\-]+(?: NRW)?), die der Landtag am (?P<date>[^,]{6,25}\d{4}) verabschiedet").unwrap()
});
static STARTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bim (?:Frühjahr|Sommer|Herbst|Winter|Jahr) (?P<year>\d{4})\b[^.]*?„(?P<name>[^“”]+)[“”]\s+gestartet").unwrap()
});
/// `das Lernmanagementsystem LOGINEO NRW LMS`, `des Förderprogramms „…“`: a noun naming a kind
/// of thing right before the name.
static KIND_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[Dd](?:as|er|ie|em|en|es)\s+(?P<kind>\p{Lu}\p{Ll}*(?:system|plattform|programm|portal|datenbank|dienst|netzwerk|paket|projekt|gesetz))s?\s+„?$").unwrap()
});
/// `EDMOND NRW, eine Datenbank mit …, die …`: an apposition after the name.
static KIND_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[“”]?,\s+(?:eine?|einen)\s+(?P<kind>[^.;:]{3,100}?),\s+(?:die|der|das|welche|mit de[mr])\b").unwrap()
});
/// `Mit LOGINEO NRW stellt das Land eine webbasierte Arbeitsplattform für Schulen … zur
/// Verfügung`.
static KIND_PROVIDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[“”]?\s+(?:stellt|stellen) (?:das Land|die Landesregierung)(?: \p{L}+)? (?:eine?|einen) (?P<kind>[^.;:,]{3,100}?) zur Verfügung").unwrap()
});
static PLANNED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:soll|sollen|geplant|beabsichtigt)\b").unwrap());
static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<qual>\b(?:bis\s+zu|ca\.|rund|etwa|mindestens|mind\.|fast|über)\s+)?\b(?P<n>\d{1,3}(?:\.\d{3})+|\d+)(?:\s+von\s+(?P<of>\d{1,3}(?:\.\d{3})+|\d+))?\s+(?P<unit>(?:\p{Ll}+e[nr]?\s+)?(?:\p{Lu}{2,}\s+)?\p{Lu}[\p{L}\-]*\p{L})").unwrap()
});
static BACK_TO_PROGRAMME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:das|dieses|diesem|des|dem)\s+(?:Förderprogramm|Programm|\p{L}*[Aa]ngebot)s?\b",
    )
    .unwrap()
});
static AS_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\(Stand:?\s*(?P<a>[^)]{6,25})\)|Datenstand:?\s*(?P<b>\d{1,2}\.\d{1,2}\.\d{2,4}))",
    )
    .unwrap()
});
/// `Quelle: PVOG | Datenstand: 12.11.21`: where a slide's counts come from.
static SOURCE_NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bQuelle:\s*(?P<q>[^|\n.;]{2,60})").unwrap());
static SHORT_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})\.(\d{1,2})\.(\d{2})$").unwrap());
/// Words after a number that make it no count: paragraphs, money, time, periods (and the month
/// names of `refs::MONTHS`: dates).
const NOT_UNITS: &[&str] = &[
    "Der",
    "Die",
    "Das",
    "Den",
    "Dem",
    "Antrag",
    "Bericht",
    "Gesetz",
    "Anlagen",
    "Abs",
    "Art",
    "Satz",
    "Nr",
    "Uhr",
    "Euro",
    "Mio",
    "Mrd",
    "Millionen",
    "Milliarden",
    "Prozent",
    "Jahre",
    "Jahren",
    "Jahr",
    "Monate",
    "Monaten",
    "Wochen",
    "Tage",
    "Tagen",
    "Stunden",
    "Minuten",
    "Sitzung",
    "Wahlperiode",
    "Drucksache",
    "Vorlage",
    "GO",
    "Legislaturperiode",
    "Plenarsitzung",
    "Stellungnahme",
    "Mal",
];

fn is_year(n: &str) -> bool {
    n.len() == 4 && n.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// A date as printed: `25. Juni 2020`, `02. Juli 2020`, `12.11.21`. A two-digit year is the
/// one of the nearest century to `near` (`12.11.21` in a paper of 2021 is 2021, `3.4.98` in one
/// of 1999 is 1998), else of this one.
fn date(s: &str, near: Option<Date>) -> Option<Date> {
    let s = s.trim();
    if let Some(c) = SHORT_YEAR.captures(s) {
        let yy: u32 = c[3].parse().ok()?;
        let base = near.map_or(2000, |n| n.year());
        let year = [
            base / 100 * 100 - 100,
            base / 100 * 100,
            base / 100 * 100 + 100,
        ]
        .map(|century| century + yy)
        .into_iter()
        .min_by_key(|y| y.abs_diff(base))?;
        return Date::new(year, c[2].parse().ok()?, c[1].parse().ok()?);
    }
    first_date(s).map(|(_, d)| d)
}

/// The programmes a text names.
pub fn programmes(text: &str) -> Vec<Programme> {
    let mut out: Vec<Programme> = Vec::new();
    // `Digitale Modellregionen NRW` is `Digitale Modellregionen in NRW`: one programme, named
    // as first printed.
    let key = |name: &str| -> Vec<String> {
        name.split_whitespace()
            .filter(|w| !matches!(*w, "in" | "im" | "der" | "des" | "die" | "für"))
            .map(str::to_lowercase)
            .collect()
    };
    let add = |out: &mut Vec<Programme>, name: &str| -> usize {
        match out.iter().position(|p| key(&p.name) == key(name)) {
            Some(i) => i,
            None => {
                out.push(Programme {
                    name: name.to_owned(),
                    ..Programme::default()
                });
                out.len() - 1
            }
        }
    };
    let mut seen_unplanned: Vec<String> = Vec::new();
    for (start, end) in sentences(text) {
        let s = &text[start..end];
        let mut names: Vec<String> = QUOTED
            .captures_iter(s)
            .map(|c| c[1].trim().to_owned())
            .filter(|n| n.split_whitespace().count() >= 2)
            .collect();
        names.extend(PLATFORM.find_iter(s).map(|m| m.as_str().to_owned()));
        names.sort();
        names.dedup();
        let planned = PLANNED.is_match(s);
        for n in &names {
            let i = add(&mut out, n);
            if planned {
                out[i].planned = true;
            } else {
                seen_unplanned.push(n.clone());
            }
            if out[i].kind.is_none() {
                out[i].kind = kind_in(s, n, &names);
            }
        }
        // The longest name the sentence holds is the one a date belongs to.
        let main = names.iter().max_by_key(|n| n.len()).cloned();
        if let (Some(c), Some(n)) = (ROLLOUT.captures(s), &main) {
            let i = add(&mut out, n);
            out[i].rollout = date(&c[1], None);
        }
        if let Some(c) = PASSED.captures(s) {
            let i = add(&mut out, &format!("Novellierung des {}", &c["law"]));
            out[i].passed = date(&c["date"], None);
        }
        if let Some(c) = STARTED.captures(s) {
            let i = add(&mut out, c["name"].trim());
            out[i].started = Some(c["year"].to_owned());
        }
    }
    for p in &mut out {
        if seen_unplanned.contains(&p.name) {
            p.planned = false;
        }
    }
    let names: Vec<String> = out.iter().map(|p| p.name.clone()).collect();
    for p in &mut out {
        p.part_of = names
            .iter()
            .filter(|n| p.name.len() > n.len() && p.name.starts_with(&format!("{n} ")))
            .max_by_key(|n| n.len())
            .cloned();
    }
    out
}

/// What a sentence calls the programme `name`: a kind noun before it, an apposition after it,
/// or what `Mit NAME stellt das Land … zur Verfügung`. An occurrence that is the start of a
/// longer name (`LOGINEO NRW` in `LOGINEO NRW LMS`) is the longer one's.
fn kind_in(s: &str, name: &str, names: &[String]) -> Option<String> {
    for (at, _) in s.match_indices(name) {
        let longer = names
            .iter()
            .any(|n| n.len() > name.len() && s[at..].starts_with(n.as_str()));
        if longer {
            continue;
        }
        let before = &s[..at];
        let after = &s[at + name.len()..];
        if let Some(c) = KIND_BEFORE.captures(before) {
            return Some(c["kind"].to_owned());
        }
        let provided = before
            .trim_end()
            .ends_with("Mit")
            .then(|| KIND_PROVIDED.captures(after));
        if let Some(c) = KIND_AFTER.captures(after).or(provided.flatten()) {
            return Some(collapse(&c["kind"]));
        }
    }
    None
}

/// Laws the government's prose names by their abbreviation: `die Umsetzung des OZG` is the
/// programme `Umsetzung des Onlinezugangsgesetzes`.
const LAW_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Onlinezugangsgesetz", "OZG"),
    ("E-Government-Gesetz", "EGovG"),
];

/// The names a programme goes by: its own, and with a law abbreviated.
fn aliases(name: &str) -> Vec<String> {
    let mut out = vec![name.to_owned()];
    for (long, short) in LAW_ABBREVIATIONS {
        for form in [format!("{long}es"), format!("{long}s"), (*long).to_owned()] {
            if name.contains(&form) {
                out.push(name.replacen(&form, short, 1));
                break;
            }
        }
    }
    out
}

/// Words by which a sentence goes on about what the ones before were about.
static CONTINUES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[Dd]araufhin|[Zz]udem|[Ss]o (?:hat|haben|wurde|wurden)|z\.\s?B\.|[Dd]abei|[Hh]ierbei|[Dd]ies(?:e[rnms]?)?|[Zz]u den|[Ww]eiterhin|[Aa]ußerdem|[Dd]arüber hinaus)(?:\s|$)").unwrap()
});

/// How many sentences after a programme was last named (or pointed back to) a count is still
/// about it, within one answer: the government answers a question a paragraph at a time.
const TOPIC_SENTENCES: usize = 4;

/// The counts a text gives, with their date and programme where printed.
///
/// A count is about a programme its sentence names; the one `das Förderprogramm` points back
/// to; or, in a sentence that goes on (`daraufhin`, `Zudem`, `Zu den`, `dieses`) a few
/// sentences after one was named, that one (`50 Kommunen haben daraufhin …`). A question (a
/// sentence ending in `?`) starts a new topic.
pub fn figures(chars: &CharIndex<'_>, programmes: &[Programme], near: Option<Date>) -> Vec<Figure> {
    let text = chars.text();
    let mut out = Vec::new();
    let names: Vec<(String, Vec<String>)> = programmes
        .iter()
        .map(|p| (p.name.clone(), aliases(&p.name)))
        .collect();
    // The programme last named or gone on about, and in which sentence; the programme last
    // introduced as one (`das Förderprogramm „…“`).
    let mut topic: Option<(usize, String)> = None;
    let mut last: Option<(usize, String)> = None;
    for (k, (start, end)) in sentences(text).into_iter().enumerate() {
        let s = &text[start..end];
        if s.trim_end().ends_with('?') {
            topic = None;
            continue;
        }
        let as_of = AS_OF
            .captures(s)
            .and_then(|c| date(c.name("a").or(c.name("b"))?.as_str(), near));
        let source_note = SOURCE_NOTE.captures(s).map(|c| c["q"].trim().to_owned());
        let named = names
            .iter()
            .filter(|(_, forms)| forms.iter().any(|f| s.contains(f.as_str())))
            .max_by_key(|(n, _)| n.len())
            .map(|(n, _)| n.clone());
        let programme = named
            .clone()
            .or_else(|| pointed_back(s, k, topic.as_ref(), last.as_ref()));
        if let Some(n) = named.clone().filter(|_| s.contains("rogramm")) {
            last = Some((k, n));
        }
        if let Some(n) = named.or(programme.clone()) {
            topic = Some((k, n));
        }
        // A figure has digits (`\d`; `is_numeric` is wider): the sentences without any, six
        // in seven of a protocol, are not searched (FIGURE's Unicode `\b` runs the slow engine
        // over German text, a thirtieth of an ingest's CPU).
        let found = if s.chars().any(char::is_numeric) {
            FIGURE.captures_iter(s).collect::<Vec<_>>()
        } else {
            Vec::new()
        };
        for (j, c) in found.iter().enumerate() {
            let n = c.name("n").unwrap();
            let mut unit = crate::words::collapse(&c["unit"]);
            // `17 Unternehmens- und 35 Lebenslagen`: the first count's unit ends in the
            // second's (`Unternehmenslagen`), also where an extraction lost the hyphen.
            let next = found.get(j + 1);
            if let Some(whole) = next.and_then(|next| {
                let between = &s[c.get(0).unwrap().end()..next.get(0).unwrap().start()];
                elided(&unit, between, &next["unit"])
            }) {
                unit = whole;
            }
            if not_a_count(text, start, s, c, &unit) {
                continue;
            }
            out.push(Figure {
                value: n.as_str().replace('.', ""),
                unit,
                of: c.name("of").map(|m| m.as_str().replace('.', "")),
                qualifier: c.name("qual").map(|m| crate::words::collapse(m.as_str())),
                as_of,
                source_note: source_note.clone(),
                programme: programme.clone(),
                span: chars.span(start..end),
            });
        }
    }
    out.extend(of_which(chars, &out));
    out
}

/// The programme a sentence `k` naming none is about: `das Förderprogramm` points back to a
/// programme introduced as one (not to a law's amendment), `dieses Beratungsangebot` also to
/// the one the text is about, a sentence that goes on (`Zudem …`) to the topic.
fn pointed_back(
    s: &str,
    k: usize,
    topic: Option<&(usize, String)>,
    last: Option<&(usize, String)>,
) -> Option<String> {
    if let Some(back) = BACK_TO_PROGRAMME.find(s) {
        let offer = !back.as_str().contains("rogramm");
        last.filter(|(at, _)| k - at <= 3)
            .or(topic.filter(|(at, _)| offer && k - at <= TOPIC_SENTENCES))
            .map(|(_, n)| n.clone())
    } else if CONTINUES.is_match(s) {
        topic
            .filter(|(at, _)| k - at <= TOPIC_SENTENCES)
            .map(|(_, n)| n.clone())
    } else {
        None
    }
}

/// Whether the number `c` found in sentence `s` (starting at `start` in `text`) is no count:
/// a date, a paragraph, money, a percentage, a year, a postcode, an agenda item's number.
fn not_a_count(text: &str, start: usize, s: &str, c: &regex::Captures, unit: &str) -> bool {
    let n = c.name("n").unwrap();
    let first = unit.split_whitespace().last().unwrap_or("");
    let before = s[..n.start()].trim_end();
    let glued = s[..n.start()]
        .chars()
        .next_back()
        .is_some_and(|ch| !ch.is_whitespace() && ch != '(');
    glued
        || NOT_UNITS
            .iter()
            .chain(&super::refs::MONTHS)
            .any(|w| first.trim_end_matches('.') == *w)
        || unit
            .split_whitespace()
            .any(|w| NOT_UNITS.contains(&w) || super::refs::MONTHS.contains(&w))
        || ["Drucksache", "Vorlage", "TOP", "Nr.", "§", "Art.", "Abs."]
            .iter()
            .any(|w| before.ends_with(w))
        || s[c.get(0).unwrap().end()..].trim_start().starts_with('%')
        // A year is a date, not a count; five digits without a dot are a postcode.
        || is_year(n.as_str())
        || (n.as_str().len() >= 5 && !n.as_str().contains('.'))
        // A number opening a line is an agenda item's or a list's.
        || (s[..n.start()].ends_with('\n') && n.as_str().len() <= 2)
        // … and one opening the text or a line before its sentence (an agenda item).
        || (n.start() == 0
            && c.name("qual").is_none()
            && (start == 0 || text[..start].ends_with('\n')))
        || unit.ends_with("und")
}

/// `17 Unternehmens- und 35 Lebenslagen`: `Unternehmenslagen`. `unit` is the first count's
/// unit as read (`Unternehmens-` or, hyphen lost, `Unternehmensund`), `between` what follows it
/// up to the second count, `next` the second count's unit.
fn elided(unit: &str, between: &str, next: &str) -> Option<String> {
    let stem = match unit.strip_suffix("und") {
        Some(stem) if between.trim().is_empty() => stem,
        _ if between.trim_start().starts_with("- und") => unit,
        _ => return None,
    };
    // A linking `s` (Fugen-s) on the stem: the second word's head follows its own first one.
    if !stem.ends_with('s') || stem.chars().count() < 4 || next.contains(' ') {
        return None;
    }
    let cut = next
        .char_indices()
        .skip(3)
        .find(|&(i, ch)| ch == 's' && next[i + 1..].chars().count() >= 3)?
        .0;
    Some(format!("{stem}{}", &next[cut + 1..]))
}

static OF_WHICH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bdavon\b(?P<head>[^\d.;:,]{0,40})").unwrap());
static OF_WHICH_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s,]*(?:(?:und|sowie)\s+)?(?P<n>\d{1,3}(?:\.\d{3})+|\d+)\s+(?P<w>(?:mind\.|ca\.|max\.)[^\n,;.]*|\p{Ll}[^\n,;.]*)").unwrap()
});

static NEXT_ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+(?:und|sowie)\s+\d").unwrap());

/// `330 OZG Leistungen … davon flächendeckend 75 bundesweit, 0 landesweit und 255 mind. in
/// einer Gemeinde` (a slide, a line each): counts out of the one before `davon`, with its unit,
/// date and programme, and their own words as the qualifier.
fn of_which(chars: &CharIndex<'_>, figures: &[Figure]) -> Vec<Figure> {
    let text = chars.text();
    let mut out = Vec::new();
    for c in OF_WHICH.captures_iter(text) {
        let at = c.get(0).unwrap().start();
        // The whole: the last count before `davon`, at most a few lines back.
        let Some(whole) = figures.iter().rev().find(|f| {
            // Only the sentence `davon` is in, or the one it follows.
            let b = chars.bytes(f.span);
            b.start <= at
                && b.end + 80 >= at
                && text[b.start..at]
                    .rfind(&f.value)
                    .is_some_and(|i| at - (b.start + i) <= 80)
        }) else {
            continue;
        };
        let head = collapse(&c["head"]);
        let mut pos = c.get(0).unwrap().end();
        while let Some(item) = OF_WHICH_ITEM.captures(&text[pos..]) {
            let w = item.name("w").unwrap();
            // `75 bundesweit und 3 landesweit`: the next count starts at `und`.
            let w_end = NEXT_ITEM
                .find(w.as_str())
                .map_or(w.end(), |m| w.start() + m.start());
            let words = collapse(&item["w"][..w_end - w.start()]);
            let line_end = pos + w_end;
            out.push(Figure {
                value: item["n"].replace('.', ""),
                unit: whole.unit.clone(),
                of: Some(whole.value.clone()),
                qualifier: Some(if head.is_empty() {
                    words
                } else {
                    format!("{head} {words}")
                }),
                as_of: whole.as_of,
                source_note: whole.source_note.clone(),
                programme: whole.programme.clone(),
                span: chars.span(pos + item.name("n").unwrap().start()..line_end),
            });
            pos = line_end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Seit dem Rollout am 26. November 2019 wurde 872 Schulen LOGINEO NRW zu Verfügung gestellt (Stand 25. Juni 2020). Seit dem Rollout am 10. Juni 2020 wurden 786 Schulen LOGINEO NRW LMS zu Verfügung gestellt (Stand 02. Juli 2020). Die LOGINEO NRW Familie soll zudem ergänzt werden durch einen „LOGINEO NRW Messenger“. Mit der Novellierung des EGovG NRW, die der Landtag am 25. Juni 2020 verabschiedet hat, wird die Digitalisierung beschleunigt. In Nordrhein-Westfalen sind demnach zurzeit 401 von 580 OZG-Leistungen online verfügbar. Weiterhin sieht das Förderprogramm für bis zu 120 Kommunen in Nordrhein-Westfalen eine Beratung vor. Gemäß Art. 52 Abs. 3 am 18. Dezember 2025 in der 114. Sitzung.";

    #[test]
    fn programmes_with_parts_dates_and_status() {
        let p = programmes(TEXT);
        let get = |n: &str| {
            p.iter()
                .find(|x| x.name == n)
                .unwrap_or_else(|| panic!("{n}: {p:?}"))
        };
        assert_eq!(
            get("LOGINEO NRW").rollout.map(|d| d.to_string()).as_deref(),
            Some("2019-11-26")
        );
        assert!(!get("LOGINEO NRW").planned);
        let lms = get("LOGINEO NRW LMS");
        assert_eq!(
            (
                lms.part_of.as_deref(),
                lms.rollout.map(|d| d.to_string()).as_deref()
            ),
            (Some("LOGINEO NRW"), Some("2020-06-10"))
        );
        let messenger = get("LOGINEO NRW Messenger");
        assert!(messenger.planned && messenger.part_of.as_deref() == Some("LOGINEO NRW"));
        assert_eq!(
            get("Novellierung des EGovG NRW")
                .passed
                .map(|d| d.to_string())
                .as_deref(),
            Some("2020-06-25")
        );
    }

    #[test]
    fn what_a_programme_is_called() {
        let text = "Mit LOGINEO NRW stellt das Land eine webbasierte Arbeitsplattform für Schulen \
            in Nordrhein-Westfalen zur Verfügung, die Abläufe erleichtert. Über LOGINEO NRW haben \
            Lehrkräfte Zugriff auf EDMOND NRW, eine Datenbank mit Tausenden lizensierten, \
            audiovisuellen Bildungsmedien, die sie einsetzen dürfen. Das Lernmanagementsystem \
            LOGINEO NRW LMS wird den Schulen kostenlos zur Verfügung gestellt. Die Entwicklung \
            von LOGINEO NRW wurde abgestimmt.";
        let kinds: Vec<(String, Option<String>)> = programmes(text)
            .into_iter()
            .map(|p| (p.name, p.kind))
            .collect();
        let kind = |n: &str| {
            kinds
                .iter()
                .find(|(x, _)| x == n)
                .and_then(|(_, k)| k.clone())
        };
        assert_eq!(
            kind("LOGINEO NRW").as_deref(),
            Some("webbasierte Arbeitsplattform für Schulen in Nordrhein-Westfalen")
        );
        assert_eq!(
            kind("EDMOND NRW").as_deref(),
            Some("Datenbank mit Tausenden lizensierten, audiovisuellen Bildungsmedien")
        );
        assert_eq!(
            kind("LOGINEO NRW LMS").as_deref(),
            Some("Lernmanagementsystem")
        );
    }

    #[test]
    fn counts_whose_unit_is_elided_or_which_are_part_of_another() {
        let show = |f: &Figure| {
            format!(
                "{} {} | {} | {} | {}",
                f.value,
                f.unit,
                f.of.clone().unwrap_or_default(),
                f.qualifier.clone().unwrap_or_default(),
                f.as_of.map(|d| d.to_string()).unwrap_or_default()
            )
        };
        for text in [
            "und zwar für 575 Verwaltungsleistungen in 17 Unternehmensund 35 Lebenslagen.",
            "und zwar für 575 Verwaltungsleistungen in 17 Unternehmens- und 35 Lebenslagen.",
        ] {
            let f: Vec<String> = figures(&CharIndex::new(text), &[], None)
                .iter()
                .map(show)
                .collect();
            assert_eq!(
                f,
                [
                    "575 Verwaltungsleistungen |  |  | ",
                    "17 Unternehmenslagen |  |  | ",
                    "35 Lebenslagen |  |  | "
                ],
                "{text}"
            );
        }
        // A Bund is no elided compound.
        assert!(
            figures(&CharIndex::new("in 17 Bund und 35 Ländern"), &[], None)
                .iter()
                .all(|f| f.unit != "Bundländern")
        );
        let slide = "Nordrhein-Westfalen\n\n330 OZG Leistungen\n\nonline verfügbar\n\ndavon \
            flächendeckend\n\n \n75 bundesweit\n\n0 landesweit\n\nund\n\n255 mind. In einer \
            Gemeinde\n\nQuelle: PVOG | Datenstand: 12.11.21\n";
        let found = figures(&CharIndex::new(slide), &[], None);
        assert!(found
            .iter()
            .all(|f| f.source_note.as_deref() == Some("PVOG")));
        let f: Vec<String> = found.iter().map(show).collect();
        assert_eq!(
            f,
            [
                "330 OZG Leistungen |  |  | 2021-11-12",
                "75 OZG Leistungen | 330 | flächendeckend bundesweit | 2021-11-12",
                "0 OZG Leistungen | 330 | flächendeckend landesweit | 2021-11-12",
                "255 OZG Leistungen | 330 | flächendeckend mind. In einer Gemeinde | 2021-11-12",
            ]
        );
        let prose = "Es gibt 40 Schulen, davon 12 inklusiv und 3 digital. Wir gehen davon aus, dass 5 von ihnen folgen.";
        let f: Vec<String> = figures(&CharIndex::new(prose), &[], None)
            .iter()
            .map(show)
            .collect();
        assert_eq!(
            f,
            [
                "40 Schulen |  |  | ",
                "12 Schulen | 40 | inklusiv | ",
                "3 Schulen | 40 | digital | "
            ]
        );
    }

    #[test]
    fn counts_with_their_dates_and_programmes() {
        let p = programmes(TEXT);
        let show = |o: &Option<String>| o.clone().unwrap_or_default();
        let f: Vec<String> = figures(&CharIndex::new(TEXT), &p, None)
            .into_iter()
            .map(|f| {
                let extra = f.of.clone().or(f.qualifier.clone());
                format!(
                    "{} {} | {} | {} | {}",
                    f.value,
                    f.unit,
                    show(&extra),
                    show(&f.as_of.map(|d| d.to_string())),
                    show(&f.programme)
                )
            })
            .collect();
        assert_eq!(
            f,
            [
                "872 Schulen |  | 2020-06-25 | LOGINEO NRW",
                "786 Schulen |  | 2020-07-02 | LOGINEO NRW LMS",
                "401 OZG-Leistungen | 580 |  | ",
                "120 Kommunen | bis zu |  | ",
            ]
        );
    }
}
