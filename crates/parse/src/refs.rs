//! Paper numbers as printed (`Drucksache 17/15478`, `Vorlage 17/6059`) and German dates.

use crate::model::{Date, PaperKind, PaperRef};
use regex::Regex;
use std::sync::LazyLock;

static PAPER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(Drucksachen?|Vorlagen?|Stellungnahme|Ausschussprotokoll|Plenarprotokoll|Information|Zuschrift|Übersicht)\s+(\d{1,2})/(\d{1,6})\b").unwrap()
});
/// A further number of a list after a plural kind (`Drucksachen 16/10698 und 16/12800`,
/// `Drucksachen 17/472, 17/1818, 17/2144 und 17/2146`).
static LIST_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*|\s+(?:und|sowie|bzw\.|oder)\s+)(\d{1,2})/(\d{1,6})\b").unwrap()
});

/// Every paper reference in `text`, in order, with its byte offset; the numbers of a list
/// after a plural kind (`Drucksachen 16/10698 und 16/12800`) each with the list's offset.
pub fn papers(text: &str) -> Vec<(usize, PaperRef)> {
    let mut out = Vec::new();
    for c in PAPER.captures_iter(text) {
        let Some(first) = paper(&c) else { continue };
        let (at, mut end) = (
            c.get(0).map_or(0, |m| m.start()),
            c.get(0).map_or(0, |m| m.end()),
        );
        out.push((at, first));
        if !c[1].ends_with('n') {
            continue;
        }
        while let Some(t) = LIST_TAIL.captures(&text[end..]) {
            let number = (t[1].parse().ok(), t[2].parse().ok());
            if let (Some(wahlperiode), Some(number)) = number {
                out.push((
                    at,
                    PaperRef {
                        kind: first.kind,
                        wahlperiode,
                        number,
                    },
                ));
            }
            end += t.get(0).map_or(0, |m| m.end());
        }
    }
    out
}

/// The paper a match of `PAPER` names.
fn paper(c: &regex::Captures) -> Option<PaperRef> {
    let kind = match &c[1] {
        "Drucksache" | "Drucksachen" => PaperKind::Drucksache,
        "Vorlage" | "Vorlagen" => PaperKind::Vorlage,
        "Stellungnahme" => PaperKind::Stellungnahme,
        "Ausschussprotokoll" => PaperKind::Ausschussprotokoll,
        "Plenarprotokoll" => PaperKind::Plenarprotokoll,
        "Information" => PaperKind::Information,
        "Übersicht" => PaperKind::Uebersicht,
        _ => PaperKind::Zuschrift,
    };
    Some(PaperRef {
        kind,
        wahlperiode: c[2].parse().ok()?,
        number: c[3].parse().ok()?,
    })
}

/// Every paper `text` mentions, once each, in order of first mention.
pub fn mentions(text: &str) -> Vec<PaperRef> {
    let mut out = Vec::new();
    merge(&mut out, papers(text).into_iter().map(|(_, r)| r));
    out
}

/// Adds `refs` to `into`, keeping the first mention's order and no duplicates.
pub fn merge(into: &mut Vec<PaperRef>, refs: impl IntoIterator<Item = PaperRef>) {
    for r in refs {
        if !into.contains(&r) {
            into.push(r);
        }
    }
}

/// The German month names, January first.
pub(crate) const MONTHS: [&str; 12] = [
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
];

static LONG_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let months = MONTHS.join("|");
    Regex::new(&format!(r"\b(\d{{1,2}})\.\s*({months})\s+(\d{{4}})\b")).unwrap()
});
static SHORT_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b").unwrap());

/// The first date in `text` (`2. Dezember 2021` or `30.07.2020`) that the calendar has, and
/// where it begins (`31. Februar` is no date).
pub fn first_date(text: &str) -> Option<(usize, Date)> {
    let long = LONG_DATE.captures_iter(text).find_map(|c| {
        let month = MONTHS.iter().position(|m| *m == &c[2])? + 1;
        Some((c.get(0)?.start(), iso(&c[3], month, &c[1])?))
    });
    let short = SHORT_DATE
        .captures_iter(text)
        .find_map(|c| Some((c.get(0)?.start(), iso(&c[3], c[2].parse().ok()?, &c[1])?)));
    match (long, short) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn iso(year: &str, month: usize, day: &str) -> Option<Date> {
    Date::new(
        year.parse().ok()?,
        month.try_into().ok()?,
        day.parse().ok()?,
    )
}

pub use crate::lexicon::wahlperiode_on;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_periods() {
        assert_eq!(
            first_date("am 2. Dezember 2021 um").unwrap().1.to_string(),
            "2021-12-02"
        );
        assert_eq!(
            first_date("am 31. Februar 2021, am 3. März 2021")
                .unwrap()
                .0,
            24
        );
        assert_eq!(
            first_date("Stand: 30.07.2020").unwrap().1.to_string(),
            "2020-07-30"
        );
        assert_eq!(
            wahlperiode_on(Date::parse_iso("2021-12-02").unwrap()),
            Some(17)
        );
        assert_eq!(
            wahlperiode_on(Date::parse_iso("2022-11-24").unwrap()),
            Some(18)
        );
        assert_eq!(
            wahlperiode_on(Date::parse_iso("1947-05-19").unwrap()),
            Some(1)
        );
        assert_eq!(
            wahlperiode_on(Date::parse_iso("1962-07-23").unwrap()),
            Some(4)
        );
        assert_eq!(
            wahlperiode_on(Date::parse_iso("1988-03-01").unwrap()),
            Some(10)
        );
        assert_eq!(wahlperiode_on(Date::parse_iso("1947-05-18").unwrap()), None);
    }

    #[test]
    fn a_list_after_a_plural_kind_gives_each_number_at_the_list() {
        let p = papers("die Drucksachen 17/472, 17/1818 und 17/2146 sowie Vorlage 17/9; 17/10");
        let numbers: Vec<(usize, u32)> = p.iter().map(|(at, r)| (*at, r.number)).collect();
        assert_eq!(numbers, [(4, 472), (4, 1818), (4, 2146), (50, 9)]);
        assert_eq!(papers("Drucksache 18/1 und 18/2").len(), 1);
    }

    #[test]
    fn paper_numbers() {
        let p = papers("Antrag Drucksache 17/13778 und Vorlage 17/6059, Übersicht 18/33");
        assert_eq!(p.len(), 3);
        assert_eq!(p[2].1.kind, PaperKind::Uebersicht);
        assert_eq!(p[1].1.kind, PaperKind::Vorlage);
        assert_eq!(p[1].1.number, 6059);
    }
}
