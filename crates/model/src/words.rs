//! Words compared across sources: the one diacritic folder (the members by period, the Wikidata
//! list and the lexicon's spellings fold alike), the one white-space collapser, and the marks and
//! words of a roll call's vote columns.

/// Latin letters with diacritics → their base letter (German umlauts included: both sides of a
/// comparison are folded alike). The one diacritic folder: the members by period use it too.
pub fn fold(c: char) -> char {
    const FROM: &str =
        "ÀÁÂÃÄÅàáâãäåÇçĆćČčÈÉÊËèéêëĞğÌÍÎÏìíîïİıÑñŃńÒÓÔÕÖØòóôõöøŘřŚśŞşŠšÙÚÛÜùúûüÝýÿŽžŹźŻżŁł";
    const TO: &str =
        "AAAAAAaaaaaaCcCcCcEEEEeeeeGgIIIIiiiiIiNnNnOOOOOOooooooRrSsSsSsUUUUuuuuYyyZzZzZzLl";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// Runs of white space (line breaks included) as one space, none at either end; a compound
/// broken after its hyphen (at a line's end, or where a copy turned that break into a space)
/// goes on without one: `Franziska Müller-` / `Rech` → `Franziska Müller-Rech`, `Teilzeit-
/// Abgeordneter` → `Teilzeit-Abgeordneter`. Before a small letter the hyphen is a word's own
/// (`Ein- und Ausgaben`), after a space a dash: both stay as they are.
pub fn collapse(s: &str) -> String {
    static BROKEN_COMPOUND: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"(\p{L})-\s+(\p{Lu})").unwrap());
    let joined = if s.contains("- ") || s.contains("-\n") {
        BROKEN_COMPOUND.replace_all(s, "$1-$2")
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `s` says `phrase` (words one space apart) with any white space between the words:
/// a printed line breaks anywhere (`schließt` / `sich`).
pub fn says(s: &str, phrase: &str) -> bool {
    collapse(s).contains(phrase)
}

/// The label of the row under a roll call's table that sums its columns (`Ergebnis 118 99 0`).
pub const TOTALS_LABELS: [&str; 7] = [
    "Ergebnis",
    "Gesamtergebnis",
    "Endergebnis",
    "Summe",
    "Insgesamt",
    "Gesamt",
    "Zusammen",
];

/// A mark that puts a roll call's row under a vote column: the text layer finds columns by it,
/// the annex reader options. Crosses and ticks as Unicode prints them (`X`, `×`, `✓`, `☒`, …),
/// and as a Wingdings font without a character map comes out of a PDF: its tick and cross are
/// the letters `ü` and `û` (bytes 0xFC, 0xFB) or the same in the private use area (U+F0FC).
/// A word of one such character is no German word, so in a vote column it can only be a mark.
pub fn is_vote_mark(t: &str) -> bool {
    const MARKS: [&str; 17] = [
        "X", "x", "×", "✕", "✗", "✘", "☓", "☒", "⊠", "✓", "✔", "☑", "ü", "û", "\u{f0fb}",
        "\u{f0fc}", "\u{f0fd}",
    ];
    MARKS.contains(&t.trim())
}

#[cfg(test)]
mod tests {
    use super::collapse;

    #[test]
    fn a_compound_broken_at_a_lines_end_goes_on_without_a_space() {
        assert_eq!(
            collapse("Franziska Müller-\nRech [FDP]:  Wann?"),
            "Franziska Müller-Rech [FDP]: Wann?"
        );
        // A word's hyphen before a small letter, a dash between spaces: as they are.
        assert_eq!(
            collapse("Ein-\nund Ausgaben – Oh!\nJa"),
            "Ein- und Ausgaben – Oh! Ja"
        );
    }
}
