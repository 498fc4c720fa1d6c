//! Where sentences end in German parliamentary prose: at `.`, `!` or `?` followed by white space
//! (or a dash, or the end), except after the abbreviations protocols print (`Dr.`, `Abs.`,
//! `Nr.`, `bzw.`, an initial) and after ordinal numbers in dates (`1. Juni`).

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Dr", "Prof", "Abs", "Nr", "Art", "bzw", "vgl", "ggf", "ca", "rd", "Mio", "Mrd", "Tsd", "Std",
    "St", "Dipl", "Ing", "Hr", "Fr", "usw", "etc", "sog", "inkl", "zzgl", "evtl", "Bd", "S", "h",
    "c", "Kap", "Ziff", "lfd", "Lfd", "i", "d", "z", "B", "u", "a", "einschl", "mind", "max",
    "gem",
];

/// The byte offset just past the first sentence end at or after `from`, or `text.len()`.
pub fn end_after(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') && ends_here(text, i) {
            return i + 1;
        }
        i += 1;
    }
    text.len()
}

/// Every sentence of `text` as a byte range, white space around it excluded.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = end_after(text, start);
        let s = &text[start..end];
        let lead = s.len() - s.trim_start().len();
        if !s.trim().is_empty() {
            out.push((start + lead, start + s.trim_end().len()));
        }
        start = end;
    }
    out
}

/// Whether the punctuation at byte `i` ends a sentence.
fn ends_here(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    let next = after.chars().next();
    if !next.is_none_or(|c| c.is_whitespace() || c == '–' || c == '"' || c == '“' || c == ')') {
        return false;
    }
    if text.as_bytes()[i] != b'.' {
        return true;
    }
    let word = text[..i]
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '.')
        .next()
        .unwrap_or("");
    let next_word = after
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches([',', '.', ';', ':']);
    // An initial (`A. Merkel`), or a digit before anything but a word that opens a sentence
    // (`im 3. Quartal`, but `Enthaltungen: 0. Damit ist …`).
    let one = word.chars().count() == 1 && word != "I";
    let digit = word.starts_with(|c: char| c.is_ascii_digit());
    if ABBREVIATIONS.contains(&word) || (one && !(digit && OPENERS.contains(&next_word))) {
        return false;
    }
    // `am 1. Juni`, `der 17. Wahlperiode`: an ordinal before the noun it counts.
    let ordinal = !word.is_empty() && word.len() <= 2 && word.chars().all(|c| c.is_ascii_digit());
    let lower_next = next_word.chars().next().is_some_and(char::is_lowercase);
    let counted = ORDINAL_NOUNS.contains(&next_word) || super::refs::MONTHS.contains(&next_word);
    !lower_next && (!ordinal || !counted)
}

/// Words that open a sentence and never follow an ordinal number (articles, pronouns,
/// conjunctions, the adverbs a chair begins with): after `0.` to `9.` the sentence ends.
const OPENERS: &[&str] = &[
    "Damit",
    "Dann",
    "Somit",
    "Das",
    "Der",
    "Die",
    "Den",
    "Dem",
    "Des",
    "Ein",
    "Eine",
    "Es",
    "Ich",
    "Wir",
    "Sie",
    "Er",
    "Und",
    "Aber",
    "Auch",
    "So",
    "Nun",
    "Jetzt",
    "Wer",
    "Also",
    "Davon",
    "Dagegen",
    "Dafür",
    "Mit",
    "Bei",
    "Kein",
    "Keine",
    "Niemand",
    "Herr",
    "Frau",
    "Meine",
    "Vielen",
    "Danke",
    "Insgesamt",
    "Gegenstimmen",
    "Enthaltungen",
    "Stimmenthaltungen",
];

/// Nouns an ordinal number stands before, besides the months (`refs::MONTHS`): what the
/// Landtag counts.
const ORDINAL_NOUNS: &[&str] = &[
    "Wahlperiode",
    "Sitzung",
    "Lesung",
    "Plenarsitzung",
    "Legislaturperiode",
    "Wahlgang",
    "Tagesordnungspunkt",
    "Änderungsantrag",
    "Vizepräsident",
    "Vizepräsidentin",
    "Vizepräsidenten",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|(a, b)| &t[a..b]).collect()
    }

    #[test]
    fn abbreviations_and_ordinals_do_not_end_sentences() {
        assert_eq!(
            sentences("Das sind SPD und der Abgeordnete Dr. Blex. Wer stimmt dagegen? – Keine."),
            [
                "Das sind SPD und der Abgeordnete Dr. Blex.",
                "Wer stimmt dagegen?",
                "– Keine."
            ]
        );
        assert_eq!(
            sentences("Wir sehen uns am 28. Januar 2015 wieder. Danke!"),
            ["Wir sehen uns am 28. Januar 2015 wieder.", "Danke!"]
        );
        assert_eq!(
            sentences("Gültige Stimmen: 199. Von den gültigen Stimmen"),
            ["Gültige Stimmen: 199.", "Von den gültigen Stimmen"]
        );
        // A count of one digit ends its sentence where a sentence follows; an ordinal of one
        // digit before what it counts does not.
        assert_eq!(
            sentences("Mit Nein 99; Enthaltungen: 0. Damit ist der Antrag am 1. Juni im 3. Quartal angenommen."),
            [
                "Mit Nein 99; Enthaltungen: 0.",
                "Damit ist der Antrag am 1. Juni im 3. Quartal angenommen."
            ]
        );
    }

    #[test]
    fn a_word_after_wide_white_space_is_read_whole() {
        // U+2003 (em space) is three bytes: the fuzzer's crash of `amount`.
        let text = "Es gibt\u{2003}Geld. Der Bund zahlt\u{2003}ca. 5 Mio. Euro. Ende";
        let got: Vec<&str> = split(text).iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(
            got,
            [
                "Es gibt\u{2003}Geld.",
                "Der Bund zahlt\u{2003}ca. 5 Mio. Euro.",
                "Ende"
            ]
        );
    }

    #[test]
    fn sentences_do_not_end_at_abbreviations_or_dates() {
        let text =
            "Mittel i.H.v. rd. 600 Mio. € einsetzen. Seit dem 26. November 2019 läuft es. Ende";
        let got: Vec<&str> = split(text).iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(
            got,
            [
                "Mittel i.H.v. rd. 600 Mio. € einsetzen.",
                "Seit dem 26. November 2019 läuft es.",
                "Ende"
            ]
        );
    }
}
