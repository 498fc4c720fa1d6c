//! Words compared across sources: the one diacritic folder (the members by period, the Wikidata
//! list and the lexicon's spellings fold alike) and the one white-space collapser.

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

/// Runs of white space (line breaks included) as one space, none at either end.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `s` says `phrase` (words one space apart) with any white space between the words:
/// a printed line breaks anywhere (`schließt` / `sich`).
pub fn says(s: &str, phrase: &str) -> bool {
    collapse(s).contains(phrase)
}

/// A mark that puts a roll call's row under a vote column (`X`, `x`, `×`, `✕`, `✗`): the text
/// layer finds columns by it, the annex reader options.
pub fn is_vote_mark(t: &str) -> bool {
    matches!(t.trim(), "X" | "x" | "×" | "✕" | "✗")
}
