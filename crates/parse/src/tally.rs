//! The totals a chair announces after a roll call or an election, in the ways chairs say them:
//! `Ihre Stimme abgegeben haben 217 Abgeordnete. Mit Ja stimmten 118 Abgeordnete, mit Nein 99
//! Abgeordnete; kein Abgeordneter hat sich der Stimme enthalten.`, `Gültige Stimmen: 199,
//! ungültige Stimmen: 0. Von den gültigen Stimmen stimmten mit „Ja“ 173, mit „Nein“ 15;
//! Enthaltungen: 11.` Each wording is a row of `data/lexicon/zaehlung.tsv`: a new one is a row,
//! not code.

use crate::model::Tally;
use regex::Regex;
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../../data/lexicon/zaehlung.tsv");

/// One row of `data/lexicon/zaehlung.tsv`: a wording of one count.
struct Wording {
    count: Count,
    pattern: Regex,
    /// What the row must find, and the count it gives there: read by the table's test.
    #[cfg_attr(not(test), allow(dead_code))]
    example: &'static str,
    #[cfg_attr(not(test), allow(dead_code))]
    n: u32,
}

/// The table's wordings, in its order, `{n}` the count's group (digits or a word), `{q}` and
/// `{qe}` quotation marks, spaces any white space.
static WORDINGS: LazyLock<Vec<Wording>> = LazyLock::new(|| {
    let n = format!(r"\b(?P<n>\d+|(?i:{WORDS}))");
    TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| {
            let [count, pattern, _periods, example, n_said] = l.split('\t').collect::<Vec<_>>()[..]
            else {
                panic!("zaehlung.tsv: a row has five columns: {l}");
            };
            let pattern = pattern
                .replace(' ', r"\s+")
                .replace("{n}", &n)
                .replace("{m}", WHO)
                .replace("{qe}", r#"[“"«]?"#)
                .replace("{q}", r#"[„"»]?"#);
            Wording {
                count: Count::named(count)
                    .unwrap_or_else(|| panic!("zaehlung.tsv: no count {count}")),
                pattern: Regex::new(&pattern)
                    .unwrap_or_else(|e| panic!("zaehlung.tsv: {pattern}: {e}")),
                example,
                n: n_said.parse().expect("zaehlung.tsv: n is a number"),
            }
        })
        .collect()
});

/// Who voted, as chairs count them (`{m}`), or nothing.
const WHO: &str = r"(?:(?:Abgeordneter?|Kolleginnen\s+und\s+Kollegen|Kollegen|Kolleginnen|Mitglieder(?:\s+des\s+(?:Landtags|Hauses))?)\s+)?";

/// The counts chairs say in words, one to twelve (`Drei` where a sentence begins with it).
const WORDS: &str = r"eine[rn]?\b|ein\b|zwei\b|drei\b|vier\b|fünf\b|sechs\b|sieben\b|acht\b|neun\b|zehn\b|elf\b|zwölf\b";

/// A count in digits or words.
fn number(s: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
        "zwölf",
    ];
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let s = s.to_lowercase();
    let word = if s.starts_with("ein") { "ein" } else { &s };
    NAMES.iter().position(|w| *w == word).map(|i| i as u32 + 1)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Count {
    Members,
    Cast,
    Valid,
    Invalid,
    Yes,
    No,
    Abstain,
}

impl Count {
    const ALL: [(&'static str, Count); 7] = [
        ("members", Count::Members),
        ("cast", Count::Cast),
        ("valid", Count::Valid),
        ("invalid", Count::Invalid),
        ("yes", Count::Yes),
        ("no", Count::No),
        ("abstain", Count::Abstain),
    ];

    fn named(name: &str) -> Option<Count> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
    }
}

/// What a count's wordings say in `text`: the wording found first in the text (the first in
/// the table where two begin at one place), its count (zero where it names none).
fn said(count: Count, text: &str) -> Option<Option<u32>> {
    WORDINGS
        .iter()
        .filter(|w| w.count == count)
        .filter_map(|w| w.pattern.captures(text))
        .min_by_key(|c| c.get(0).map_or(usize::MAX, |m| m.start()))
        .map(|c| c.name("n").map_or(Some(0), |m| number(m.as_str())))
}

/// Whether `text` states any count (`Enthaltungen keine`, `Neinstimmen 100`): a sentence that
/// tells totals, not one that asks.
pub fn states_a_count(text: &str) -> bool {
    Count::ALL.iter().any(|(_, c)| said(*c, text).is_some())
}

/// The totals announced in `text`, `None` where it announces no yes or no count.
pub fn announced(text: &str) -> Option<Tally> {
    let mut t = Tally::default();
    for (_, count) in Count::ALL {
        let Some(n) = said(count, text) else { continue };
        let slot = match count {
            Count::Members => &mut t.members,
            Count::Cast => &mut t.cast,
            Count::Valid => &mut t.valid,
            Count::Invalid => &mut t.invalid,
            Count::Yes => &mut t.yes,
            Count::No => &mut t.no,
            Count::Abstain => &mut t.abstain,
        };
        *slot = n;
    }
    (t.yes.is_some() || t.no.is_some()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of the table finds its example and reads its count from it.
    #[test]
    fn every_wording_finds_its_example() {
        assert!(WORDINGS.len() >= 20);
        for w in WORDINGS.iter() {
            let c = w
                .pattern
                .captures(w.example)
                .unwrap_or_else(|| panic!("{:?} does not find {}", w.pattern, w.example));
            let n = c.name("n").map_or(Some(0), |m| number(m.as_str()));
            assert_eq!(n, Some(w.n), "{:?} in {}", w.pattern, w.example);
        }
    }

    /// 16th-period wordings: `mit Nein stimmten`, no abstention said as `Enthaltungen gab es
    /// keine` or `Stimmenthaltungen: keine`.
    #[test]
    fn no_abstention_said_in_words() {
        for text in [
            "An der Abstimmung haben sich 227 Abgeordnete beteiligt. Mit Ja stimmten 128 Abgeordnete, mit Nein stimmten 99 Abgeordnete. Enthaltungen gab es keine.",
            "Abgegebene Stimmen: 227. Ja-Stimmen: 128, Nein-Stimmen: 99, Stimmenthaltungen: keine.",
        ] {
            let t = announced(text).unwrap();
            assert_eq!(
                (t.cast, t.yes, t.no, t.abstain),
                (Some(227), Some(128), Some(99), Some(0)),
                "{text}"
            );
        }
    }

    /// The number before its vote (`120 Abgeordnete stimmten mit Ja`), `enthielten sich`, the
    /// paper named (`Für den Antrag stimmten 96 Abgeordnete, dagegen 85`).
    #[test]
    fn counts_before_their_vote_and_for_the_paper() {
        for (text, want) in [
            (
                "Abgegeben wurden 225 Stimmen. Mit Ja stimmten 120 Abgeordnete, mit Nein 103; 2 Abgeordnete enthielten sich.",
                (Some(225), Some(120), Some(103), Some(2)),
            ),
            (
                "An der Abstimmung haben insgesamt 190 Abgeordnete teilgenommen. Mit Ja stimmten 100 Abgeordnete, mit Nein stimmten 88 Abgeordnete, 2 Abgeordnete enthielten sich der Stimme.",
                (Some(190), Some(100), Some(88), Some(2)),
            ),
            (
                "Es wurden 225 Stimmen abgegeben. 120 Abgeordnete stimmten mit Ja, 103 mit Nein, 2 enthielten sich.",
                (Some(225), Some(120), Some(103), Some(2)),
            ),
            (
                "Es wurden 183 Stimmen abgegeben. Für den Antrag stimmten 96 Abgeordnete, dagegen 85, enthalten haben sich 2.",
                (Some(183), Some(96), Some(85), Some(2)),
            ),
        ] {
            let t = announced(text).unwrap();
            assert_eq!((t.cast, t.yes, t.no, t.abstain), want, "{text}");
        }
    }

    #[test]
    fn counts_said_as_one_word_or_after_dafuer_and_dagegen() {
        for text in [
            "Es gab 16 Jastimmen, 140 Neinstimmen und keine Stimmenthaltungen.",
            "Abgegeben wurden 156 Stimmen. Dafür stimmten 16 Abgeordnete, dagegen stimmten 140 Abgeordnete. Enthaltungen gab es keine.",
        ] {
            let t = announced(text).unwrap();
            assert_eq!((t.yes, t.no, t.abstain), (Some(16), Some(140), Some(0)), "{text}");
        }
    }

    #[test]
    fn roll_call_and_election_totals() {
        let t = announced("Ihre Stimme abgegeben haben 217 Abgeordnete. Mit Ja stimmten 118 Abgeordnete, mit Nein 99 Abgeordnete; kein Abgeordneter hat sich der Stimme enthalten.").unwrap();
        assert_eq!(
            (t.cast, t.yes, t.no, t.abstain),
            (Some(217), Some(118), Some(99), Some(0))
        );
        let t = announced("Dem Landtag gehören 199 Abgeordnete an. An der Wahl haben sich 199 Abgeordnete beteiligt. Gültige Stimmen: 199, ungültige Stimmen: 0. Von den gültigen Stimmen stimmten mit „Ja“ 173, mit „Nein“ 15; Enthaltungen: 11.").unwrap();
        assert_eq!(
            (t.members, t.cast, t.valid, t.invalid, t.yes, t.no, t.abstain),
            (
                Some(199),
                Some(199),
                Some(199),
                Some(0),
                Some(173),
                Some(15),
                Some(11)
            )
        );
        let t = announced(
            "Abgegeben wurden 180 Stimmen. 95 Ja-Stimmen, 80 Nein-Stimmen, 5 Enthaltungen.",
        )
        .unwrap();
        assert_eq!(
            (t.cast, t.yes, t.no, t.abstain),
            (Some(180), Some(95), Some(80), Some(5))
        );
        let t = announced("221 Abgeordnete haben abgestimmt. Mit Ja haben 100 Abgeordnete gestimmt, mit Nein haben 119 Abgeordnete gestimmt. Enthalten haben sich 2 Abgeordnete.").unwrap();
        assert_eq!(
            (t.cast, t.yes, t.no, t.abstain),
            (Some(221), Some(100), Some(119), Some(2))
        );
        let t = announced("Mit Ja stimmten 98 Abgeordnete, mit Nein stimmten 120 Abgeordnete, und es gab 3 Enthaltungen.").unwrap();
        assert_eq!((t.yes, t.no, t.abstain), (Some(98), Some(120), Some(3)));
        assert!(announced("Wir kommen zur Abstimmung.").is_none());
    }

    /// Small counts in words, a vote in the singular, the members' count before its verb.
    #[test]
    fn counts_in_words_and_the_singular() {
        for (text, want) in [
            (
                "Abgegeben wurden 183 Stimmen. Mit Ja haben 78 Abgeordnete gestimmt, mit Nein 103 Abgeordnete, zwei Abgeordnete haben sich enthalten.",
                (Some(183), Some(78), Some(103), Some(2)),
            ),
            (
                "Es haben 219 Abgeordnete ihre Stimme abgegeben. Mit Ja haben 119 gestimmt, mit Nein 98, enthalten haben sich 2 Abgeordnete.",
                (Some(219), Some(119), Some(98), Some(2)),
            ),
            (
                "An der Abstimmung haben 190 Abgeordnete teilgenommen. Mit Ja stimmten 88, mit Nein 101, es gab eine Enthaltung.",
                (Some(190), Some(88), Some(101), Some(1)),
            ),
            (
                "Mit Ja stimmten 100 Abgeordnete, mit Nein 89; ein Abgeordneter hat sich enthalten.",
                (None, Some(100), Some(89), Some(1)),
            ),
        ] {
            let t = announced(text).unwrap();
            assert_eq!((t.cast, t.yes, t.no, t.abstain), want, "{text}");
        }
    }

    /// Wordings of the totals after a roll call not seen before: a count before `mit Ja`
    /// (`120 mit Ja`, `118 Abgeordnete haben mit Ja gestimmt`), `gegen den Antrag 99`,
    /// `votierten`, no abstention said as `Stimmenthaltungen gab es nicht`, `enthalten hat sich
    /// niemand`.
    #[test]
    fn roll_call_totals_in_other_words() {
        for (text, want) in [
            ("An der Abstimmung haben sich 230 Abgeordnete beteiligt. Davon haben 120 mit Ja und 108 mit Nein gestimmt. Es gab 2 Enthaltungen.", (Some(230), 120, 108, 2)),
            ("Es wurden 199 Stimmen abgegeben. Für den Antrag stimmten 100 Abgeordnete, gegen den Antrag 99 Abgeordnete. Enthaltungen: keine.", (Some(199), 100, 99, 0)),
            ("Mit Ja haben 118 Kolleginnen und Kollegen gestimmt, mit Nein 99; enthalten hat sich niemand.", (None, 118, 99, 0)),
            ("Insgesamt haben 217 Abgeordnete ihre Stimme abgegeben. 118 Abgeordnete stimmten mit Ja, 99 mit Nein. Stimmenthaltungen gab es nicht.", (Some(217), 118, 99, 0)),
            ("Es haben 220 Abgeordnete abgestimmt. Mit Ja votierten 118, mit Nein votierten 100, zwei Abgeordnete enthielten sich.", (Some(220), 118, 100, 2)),
            ("118 Abgeordnete haben mit Ja gestimmt, 99 Abgeordnete haben mit Nein gestimmt, eine Abgeordnete hat sich enthalten.", (None, 118, 99, 1)),
            ("Mit Ja stimmten 101 Abgeordnete, mit Nein 95 Abgeordnete, der Stimme enthalten haben sich zwei Abgeordnete.", (None, 101, 95, 2)),
            ("Abgegebene Stimmen 224; Jastimmen 124, Neinstimmen 100, Enthaltungen keine.", (Some(224), 124, 100, 0)),
            ("Von 230 abgegebenen Stimmen lauteten 125 auf Ja und 105 auf Nein. Enthaltungen gab es nicht.", (Some(230), 125, 105, 0)),
            ("Insgesamt wurden 230 Stimmen abgegeben. Davon waren 125 Jastimmen und 104 Neinstimmen; ein Abgeordneter hat sich enthalten.", (Some(230), 125, 104, 1)),
            ("Mit Ja haben 118 Kolleginnen und Kollegen gestimmt, mit Nein 99; zwei Mitglieder des Landtags haben sich bei der Abstimmung enthalten.", (None, 118, 99, 2)),
            ("Für den Gesetzentwurf haben 118 Abgeordnete gestimmt, dagegen 99 Abgeordnete, der Stimme enthalten hat sich niemand.", (None, 118, 99, 0)),
            ("Dafür haben 118 Abgeordnete gestimmt. Dagegen haben 99 gestimmt. Drei Kollegen haben sich enthalten.", (None, 118, 99, 3)),
            ("Abgegeben wurden 220 Stimmen, davon 118 Jastimmen, 99 Neinstimmen und 3 Enthaltungen.", (Some(220), 118, 99, 3)),
        ] {
            let t = announced(text).unwrap();
            assert_eq!((t.cast, t.yes, t.no, t.abstain), (want.0, Some(want.1), Some(want.2), Some(want.3)), "{text}");
        }
    }
}
