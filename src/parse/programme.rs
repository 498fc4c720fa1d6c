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

use super::funding::sentences;
use super::refs::first_date;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Programme {
    pub name: String,
    pub part_of: Option<String>,
    /// `YYYY-MM-DD` (or `YYYY` where only the year is printed).
    pub rollout: Option<String>,
    pub passed: Option<String>,
    pub started: Option<String>,
    pub planned: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The count, a decimal lexical form.
    pub value: String,
    /// What it counts, as printed (`Schulen`, `OZG-Leistungen`, `kommunale Partner`).
    pub unit: String,
    /// `401 von 580`: the whole.
    pub of: Option<String>,
    /// `bis zu`, `ca.`, `rund`, `mindestens`, `fast` as printed.
    pub qualifier: Option<String>,
    pub as_of: Option<String>,
    pub programme: Option<String>,
    /// Byte range of the sentence.
    pub start: usize,
    pub end: usize,
}

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
static PLANNED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:soll|sollen|geplant|beabsichtigt)\b").unwrap());
static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<qual>\b(?:bis zu|ca\.|rund|etwa|mindestens|mind\.|fast|über)\s+)?\b(?P<n>\d{1,3}(?:\.\d{3})+|\d+)(?:\s+von\s+(?P<of>\d{1,3}(?:\.\d{3})+|\d+))?\s+(?P<unit>(?:\p{Ll}+e[nr]?\s+)?(?:\p{Lu}{2,}\s+)?\p{Lu}[\p{L}\-]*\p{L})").unwrap()
});
static BACK_TO_PROGRAMME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:das|dieses|diesem|des|dem) (?:Förderprogramm|Programm)s?\b").unwrap()
});
static AS_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\(Stand:?\s*(?P<a>[^)]{6,25})\)|Datenstand:?\s*(?P<b>\d{1,2}\.\d{1,2}\.\d{2,4}))",
    )
    .unwrap()
});
static SHORT_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})\.(\d{1,2})\.(\d{2})$").unwrap());
/// Words after a number that make it no count: dates, paragraphs, money, time, periods.
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
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
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

/// A date as printed → `YYYY-MM-DD`: `25. Juni 2020`, `02. Juli 2020`, `12.11.21`.
fn date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(c) = SHORT_YEAR.captures(s) {
        let (d, m): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
        return ((1..=31).contains(&d) && (1..=12).contains(&m))
            .then(|| format!("20{}-{m:02}-{d:02}", &c[3]));
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
        }
        // The longest name the sentence holds is the one a date belongs to.
        let main = names.iter().max_by_key(|n| n.len()).cloned();
        if let (Some(c), Some(n)) = (ROLLOUT.captures(s), &main) {
            let i = add(&mut out, n);
            out[i].rollout = date(&c[1]);
        }
        if let Some(c) = PASSED.captures(s) {
            let i = add(&mut out, &format!("Novellierung des {}", &c["law"]));
            out[i].passed = date(&c["date"]);
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

/// The counts a text gives, with their date and programme where printed.
pub fn figures(text: &str, programmes: &[Programme]) -> Vec<Figure> {
    let mut out = Vec::new();
    // The programme last named, and in which sentence: `das Förderprogramm` points back to it.
    let mut last: Option<(usize, String)> = None;
    for (k, (start, end)) in sentences(text).into_iter().enumerate() {
        let s = &text[start..end];
        let as_of = AS_OF
            .captures(s)
            .and_then(|c| date(c.name("a").or(c.name("b"))?.as_str()));
        let named = programmes
            .iter()
            .filter(|p| s.contains(&p.name))
            .max_by_key(|p| p.name.len())
            .map(|p| p.name.clone());
        let programme = named.clone().or_else(|| {
            let (at, name) = last.as_ref()?;
            (k - at <= 3 && BACK_TO_PROGRAMME.is_match(s)).then(|| name.clone())
        });
        // Only a name introduced as a programme (`das Förderprogramm „…“`) is pointed back to.
        if let Some(n) = named.filter(|_| s.contains("rogramm")) {
            last = Some((k, n));
        }
        for c in FIGURE.captures_iter(s) {
            let n = c.name("n").unwrap();
            let unit = c["unit"].to_owned();
            let first = unit.split_whitespace().last().unwrap_or("");
            let before = s[..n.start()].trim_end();
            let glued = s[..n.start()]
                .chars()
                .next_back()
                .is_some_and(|ch| !ch.is_whitespace() && ch != '(');
            if glued
                || NOT_UNITS.iter().any(|w| first.trim_end_matches('.') == *w)
                || unit.split_whitespace().any(|w| NOT_UNITS.contains(&w))
                || ["Drucksache", "Vorlage", "TOP", "Nr.", "§", "Art.", "Abs."]
                    .iter()
                    .any(|w| before.ends_with(w))
                || s[c.get(0).unwrap().end()..].trim_start().starts_with('%')
                // A year is a date, not a count; five digits without a dot are a postcode.
                || is_year(n.as_str())
                || (n.as_str().len() >= 5 && !n.as_str().contains('.'))
                // A number opening a line is an agenda item's or a list's.
                || (s[..n.start()].ends_with('\n') && n.as_str().len() <= 2)
                || (n.start() == 0 && c.name("qual").is_none())
                || unit.ends_with("und")
            {
                continue;
            }
            out.push(Figure {
                value: n.as_str().replace('.', ""),
                unit,
                of: c.name("of").map(|m| m.as_str().replace('.', "")),
                qualifier: c.name("qual").map(|m| m.as_str().trim().to_owned()),
                as_of: as_of.clone(),
                programme: programme.clone(),
                start,
                end,
            });
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
        assert_eq!(get("LOGINEO NRW").rollout.as_deref(), Some("2019-11-26"));
        assert!(!get("LOGINEO NRW").planned);
        let lms = get("LOGINEO NRW LMS");
        assert_eq!(
            (lms.part_of.as_deref(), lms.rollout.as_deref()),
            (Some("LOGINEO NRW"), Some("2020-06-10"))
        );
        let messenger = get("LOGINEO NRW Messenger");
        assert!(messenger.planned && messenger.part_of.as_deref() == Some("LOGINEO NRW"));
        assert_eq!(
            get("Novellierung des EGovG NRW").passed.as_deref(),
            Some("2020-06-25")
        );
    }

    #[test]
    fn counts_with_their_dates_and_programmes() {
        let p = programmes(TEXT);
        let show = |o: &Option<String>| o.clone().unwrap_or_default();
        let f: Vec<String> = figures(TEXT, &p)
            .into_iter()
            .map(|f| {
                let extra = f.of.clone().or(f.qualifier.clone());
                format!(
                    "{} {} | {} | {} | {}",
                    f.value,
                    f.unit,
                    show(&extra),
                    show(&f.as_of),
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
