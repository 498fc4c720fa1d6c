//! Elections (Wahl) of persons to offices, with their ballot counts: `Ich gebe Ihnen das
//! Ergebnis der Wahl des Präsidenten des Landtags bekannt. … Gültige Stimmen: 199, ungültige
//! Stimmen: 0. Von den gültigen Stimmen stimmten mit „Ja“ 185 Abgeordnete.` and the declaration
//! `… dass der Landtag … damit den Abgeordneten André Kuper zu seinem Präsidenten gewählt hat.`
//! A contested one names its candidates: `entfielen auf den Kandidaten Oliver Keymis 177. Für
//! den Kandidaten Herbert Strotebeck stimmten 19 Abgeordnete.`

use super::tally;
use crate::model::{Election, Speaker, Tally};
use crate::words::collapse;
use regex::Regex;
use std::sync::LazyLock;

/// An election with byte offsets into the text it was read from.
pub struct Read {
    pub election: Election,
    pub tally: Option<Tally>,
    pub start: usize,
    pub end: usize,
}

const NAME: &str = r"(?P<titles>(?:(?:Prof\.|Dr\.)\s+)*)(?P<name>\p{Lu}[\p{L}\-]+(?:\s+(?:von\s+|van\s+|de\s+)?\p{Lu}[\p{L}\-]+){1,3})";

static RESULT_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Ergebnis\s+(?:der|des)\s+(?:Wahl|Wahlgangs)\s+(?:(?:der|des)\s+)?(?P<office>[^.]{3,120}?)\s+bekannt").unwrap()
});
static ELECTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(?:den|die)\s+(?:Abgeordneten?\s+|Kollegen\s+|Kollegin\s+|Herrn\s+|Frau\s+)?{NAME}\s+zu\s+(?:seinem|seiner|ihrem|ihrer)\s+(?P<office>[^.,;]{{3,100}}?)\s+gewählt\s+(?:hat|worden\s+ist|ist)")).unwrap()
});
/// The declaration in the passive: `Damit ist Frau Angela Freimuth zur Vizepräsidentin des
/// Landtags gewählt.`
static ELECTED_AS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(?:ist|sind)\s+(?:(?:der|die)\s+)?(?:Abgeordneten?\s+|Kollegen?\s+|Kollegin\s+|Herr\s+|Frau\s+)?{NAME}\s+(?:zum|zur)\s+(?P<office>[^.,;]{{3,100}}?)\s+(?:des\s+Landtags\s+)?gewählt(?:\s+worden)?\b")).unwrap()
});
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:entfielen\s+auf\s+(?:den|die)\s+Kandidat(?:en|in)\s+{NAME}\s+(?P<n>\d+)|Für\s+(?:den|die)\s+Kandidat(?:en|in)\s+{NAME2}\s+stimmten\s+(?P<n2>\d+))", NAME2 = NAME.replace("?P<titles>", "?P<titles2>").replace("?P<name>", "?P<name2>"))).unwrap()
});

/// The elections declared in `text`: each declaration with the result announced before it.
pub fn elections(text: &str) -> Vec<Read> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut declared: Vec<regex::Captures> = ELECTED
        .captures_iter(text)
        .chain(ELECTED_AS.captures_iter(text))
        .collect();
    declared.sort_by_key(|c| c.get(0).map_or(0, |m| m.start()));
    for c in declared {
        let decl = c.get(0).unwrap();
        // The announcement closest before the declaration, after the previous election.
        let before = &text[from..decl.start()];
        let announced = RESULT_OF.captures_iter(before).last();
        // Else the counts said since the last `Ergebnis` shortly before (`Ich gebe das Ergebnis
        // bekannt: Abgegeben wurden 185 Stimmzettel. …`).
        let near = from.max(super::chars_before(text, decl.start(), 400));
        let start = announced.as_ref().map_or_else(
            || {
                text[near..decl.start()]
                    .rfind("Ergebnis")
                    .map_or(decl.start(), |e| near + e)
            },
            |a| from + a.get(0).unwrap().start(),
        );
        let counted = &text[start..decl.start()];
        let mut elected = Speaker::named(&c["name"]);
        elected.honorific = Some(c["titles"].trim().to_owned()).filter(|t| !t.is_empty());
        let office = announced
            .as_ref()
            .map_or_else(|| c["office"].to_owned(), |a| a["office"].to_owned());
        out.push(Read {
            election: Election {
                office: collapse(&office),
                elected: Some(elected),
                candidates: candidates(counted),
            },
            tally: tally::announced(counted).or_else(|| contested(counted)),
            start,
            end: decl.end(),
        });
        from = decl.end();
    }
    out
}

fn candidates(text: &str) -> Vec<(Speaker, u32)> {
    CANDIDATE
        .captures_iter(text)
        .filter_map(|c| {
            let name = c.name("name").or(c.name("name2"))?.as_str();
            let n = c.name("n").or(c.name("n2"))?.as_str().parse().ok()?;
            Some((Speaker::named(name), n))
        })
        .collect()
}

/// A contested election's totals: the counts besides the candidates'.
fn contested(text: &str) -> Option<Tally> {
    let mut t = tally::announced(&format!("{text} mit Ja 0"))?;
    t.yes = None;
    Some(t).filter(|t| t.cast.is_some() || t.valid.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elections_of_the_constituent_session() {
        let t = "Ich gebe Ihnen das Ergebnis der Wahl des Präsidenten des Landtags bekannt. Dem Landtag gehören 199 Abgeordnete an, an der Wahl haben sich 199 Abgeordnete beteiligt. Gültige Stimmen: 199, ungültige Stimmen: 0. Von den gültigen Stimmen stimmten mit „Ja“ 185 Abgeordnete. Ich stelle fest, dass der Landtag Nordrhein-Westfalen damit den Abgeordneten André Kuper zu seinem Präsidenten gewählt hat. Ich gebe Ihnen hiermit das Ergebnis der Wahl des Dritten Vizepräsidenten des Landtages bekannt. Gültige Stimmen gab es 199, ungültige damit 0. Von den gültigen Stimmen entfielen auf den Kandidaten Oliver Keymis 177. (Beifall) Für den Kandidaten Herbert Strotebeck stimmten 19 Abgeordnete. Es gab 3 Enthaltungen. Ich stelle fest, dass der Landtag damit den Abgeordneten Oliver Keymis zu seinem Dritten Vizepräsidenten gewählt hat.";
        let r = elections(t);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].election.office, "Präsidenten des Landtags");
        assert_eq!(r[0].election.elected.as_ref().unwrap().name, "André Kuper");
        let tally = r[0].tally.unwrap();
        assert_eq!(
            (tally.cast, tally.valid, tally.invalid, tally.yes),
            (Some(199), Some(199), Some(0), Some(185))
        );
        assert_eq!(r[1].election.candidates.len(), 2);
        assert_eq!(r[1].election.candidates[1].1, 19);
        assert_eq!(r[1].tally.unwrap().abstain, Some(3));
    }

    /// The declaration in the passive, the counts after `Ich gebe das Ergebnis bekannt`.
    #[test]
    fn an_election_declared_in_the_passive() {
        let t = "Ich gebe das Ergebnis bekannt: Abgegeben wurden 185 Stimmzettel. Mit Ja stimmten \
                 150 Abgeordnete, mit Nein 25, es gab 10 Enthaltungen. Damit ist Frau Angela \
                 Freimuth zur Vizepräsidentin gewählt.";
        let e = elections(t);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].election.office, "Vizepräsidentin");
        let elected = e[0].election.elected.as_ref().map(|s| s.name.as_str());
        assert_eq!(elected, Some("Angela Freimuth"));
        let tally = e[0].tally.as_ref().expect("the counts");
        assert_eq!(
            (tally.yes, tally.no, tally.abstain),
            (Some(150), Some(25), Some(10))
        );
    }
}
