//! Funding statements in the government's prose: an amount of money tied by the text to a
//! programme. An amount becomes funding only where the sentence names the programme (`für die
//! Umsetzung des Onlinezugangsgesetzes`, `„Digitale Modellregionen in NRW“`) or points back to
//! one named in the two sentences before (`dafür`, `hierfür`, `in diesem Zusammenhang`). A
//! minimum wage of `12 Euro` funds nothing.

use super::amount::amounts;
use super::sentence;
use crate::model::{CharIndex, Date};
use regex::Regex;
use std::sync::LazyLock;

/// A funding statement, with its sentence as a byte range of the text read (`span`): the
/// caller maps it to the characters the model counts.
pub use crate::model::Funding;

static QUOTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"„([^“”]{3,120})[“”]").unwrap());
static PURPOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:für die|zur) (?P<what>(?:Umsetzung|Einführung|Entwicklung|Förderung) (?:des|der) \p{Lu}[\p{L}\-]+(?: (?:NRW|Nordrhein-Westfalen))?)").unwrap()
});
static REFORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<what>(?:Novellierung|Änderung|Neufassung) (?:des|der) \p{Lu}[\p{L}\-]+(?: (?:NRW|Nordrhein-Westfalen))?)").unwrap()
});
static EQUIPPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bdass (?:alle )?(?P<who>\p{Lu}[\p{L}]+(?: und \p{Lu}[\p{L}]+)?)\b[^.]*? mit (?P<with>[\p{L} ]{3,60}?) ausgestattet werden").unwrap()
});
static PACKAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<what>\p{L}*(?:programm|paket) für (?:die |den |das )?\p{Lu}[\p{L}]+(?: (?:der|des) \p{Lu}[\p{L}]+)?)").unwrap()
});
static BACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:dafür|hierfür|dazu|in diesem Zusammenhang|diese[rn]? (?:Mittel|Programm))\b")
        .unwrap()
});
static YEARS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:in den Jahren|von) (\d{4}) bis (\d{4})\b").unwrap());
static UNTIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[Bb]is (?:Ende|zum Ende des Jahres) (\d{4})\b").unwrap());
static GOVERNMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:Landesregierung|Landesmittel|das Land)\b").unwrap());
/// The programme a sentence names itself.
fn named_here(s: &str) -> Option<String> {
    if let Some(c) = QUOTED.captures(s) {
        return Some(c[1].trim().to_owned());
    }
    PURPOSE.captures(s).map(|c| c["what"].to_owned())
}

/// The programme an earlier sentence names, for a sentence that points back to it.
fn named_before(s: &str) -> Option<String> {
    if let Some(p) = named_here(s) {
        return Some(p);
    }
    if let Some(c) = REFORM.captures(s) {
        return Some(c["what"].to_owned());
    }
    if let Some(c) = EQUIPPED.captures(s) {
        return Some(format!(
            "Ausstattung der {} mit {}",
            &c["who"],
            c["with"].trim()
        ));
    }
    PACKAGE.captures(s).map(|c| c["what"].to_owned())
}

/// Every funding statement of `text`.
pub fn read(chars: &CharIndex<'_>) -> Vec<Funding> {
    let text = chars.text();
    let sentences = sentence::split(text);
    let mut out = Vec::new();
    for (k, &(start, end)) in sentences.iter().enumerate() {
        let s = &text[start..end];
        for amount in amounts(s) {
            let Some(currency) = amount.currency else {
                continue;
            };
            let programme = named_here(s).or_else(|| {
                BACK.is_match(s).then(|| {
                    (1..=2)
                        .filter_map(|back| k.checked_sub(back))
                        .find_map(|j| named_before(&text[sentences[j].0..sentences[j].1]))
                })?
            });
            let Some(programme) = programme else { continue };
            let years = YEARS.captures(s);
            out.push(Funding {
                programme,
                value: amount.value,
                currency: currency.to_owned(),
                approximate: amount.approximate,
                from_year: years.as_ref().and_then(|c| c[1].parse().ok()),
                to_year: years.as_ref().and_then(|c| c[2].parse().ok()),
                until: UNTIL
                    .captures(s)
                    .and_then(|c| Date::end_of_year(c[1].parse().ok()?)),
                by_government: GOVERNMENT.is_match(s),
                span: chars.span(start..end),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amount_is_funding_only_where_the_text_ties_it_to_a_programme() {
        let text = "Darüber hinaus hat die Landesregierung im Sommer 2018 das Förderprogramm „Digitale Modellregionen in NRW“ gestartet. Bis Ende 2021 stehen dafür weitere rund 91 Mio. Euro Landesmittel zur Verfügung. Auch ich bin ein Freund davon, dass 12 Euro bezahlt werden.";
        let got = read(&CharIndex::new(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].programme, "Digitale Modellregionen in NRW");
        assert_eq!(got[0].value, "91000000");
        assert_eq!(got[0].until.unwrap().to_string(), "2021-12-31");
        assert!(got[0].by_government && got[0].approximate);
    }
}
