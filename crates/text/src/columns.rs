//! A column block poppler put out of place, put back: plain `pdftotext` text (no `-layout`),
//! as a user converts a protocol, reads a two-column page in poppler's block order, which on
//! some pages puts the right column's first block before the left column's last one (page 138
//! of Plenarprotokoll 18/115: `… Das sind die Fraktionen von` ends the left column far below
//! `CDU, SPD, Bündnis 90/Die Grünen und FDP. Wer stimmt dagegen? …`, printed first; page 19 of
//! 17/1: `Wer ent-` / `hält sich?`). The text alone tells it where the page's running head
//! stands between body blocks (poppler prints it after the left column's first block):
//!
//! - the first block after the head (C) does not go on from the block before the head (that
//!   one ends a sentence or a heading);
//! - a later block (A) of the page breaks off mid-sentence — a word hyphenated at the line's end,
//!   or a word that cannot end a sentence (`von`, `der`, `und` …) — and the block after it does
//!   not go on from it (an item's heading, or a new sentence after a hyphen);
//! - C goes on from A: in lower case after a hyphen, or not a sentence's opening word.
//!
//! Then C is moved to follow A. A page that does not show all three is left as it is; a PDF read
//! by `pdf.rs` has its head first, so this never changes it.

use std::borrow::Cow;

use crate::heads::{DATE_LINE, PAGE_NUMBER_LINE, PROTOCOL_LINE};

/// Words after which a sentence cannot end: articles, prepositions, conjunctions, auxiliaries
/// (compared in lower case). The one list: the normaliser's page joins read it too.
pub(crate) const OPEN_WORDS: &[&str] = &[
    "von", "vom", "der", "die", "das", "den", "dem", "des", "und", "oder", "sowie", "mit", "zu",
    "zum", "zur", "für", "bei", "beim", "in", "im", "an", "am", "auf", "aus", "nach", "über",
    "unter", "vor", "um", "gegen", "sind", "ist", "hat", "haben", "wird", "werden", "ein", "eine",
    "einen", "einem", "einer", "eines", "dass", "wie", "als", "wir", "sich", "nicht", "auch",
    "noch",
];

/// Whether a page cut the sentence between `before` (the last line of a page) and `after`
/// (the first of the next): a word's hyphen, a comma, a colon or a dash last, a word that never
/// ends one, or a small letter on both sides (`Titel` / `Rede` is no sentence).
pub(crate) fn cut_sentence(before: &str, after: &str) -> bool {
    let mut end = before.chars().rev();
    let last_word = before.rsplit(' ').next().unwrap_or("");
    let lower_after = after.chars().next().is_some_and(char::is_lowercase);
    match (end.next(), end.next()) {
        (Some('-'), Some(c)) => c.is_alphabetic() || c == ' ',
        (Some(',' | ':' | '–'), _) => true,
        (Some(c), _) if c.is_lowercase() => {
            lower_after || OPEN_WORDS.contains(&last_word.to_lowercase().as_str())
        }
        _ => false,
    }
}

/// Words a sentence opens with in a chair's or speaker's text: a block that begins with one
/// starts anew rather than going on from a word like `von`.
const OPENING_WORDS: &[&str] = &[
    "Ich", "Wir", "Meine", "Herr", "Frau", "Liebe", "Damit", "Dann", "Das", "Die", "Der", "Es",
    "Sie", "Er", "Vielen", "Danke", "Wer", "Nun", "So", "Jetzt", "Zu", "In", "Auf", "Mit", "Bei",
    "Für", "Nach", "Als", "Auch", "Aber", "Und", "Denn", "Deshalb", "Daher", "Sehr", "Hierzu",
    "Eine", "Ein", "Im", "Am", "Wie", "Was", "Gibt", "Ist", "Sind",
];

/// How a block breaks off mid-sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// `Wer ent-`
    Hyphen,
    /// `Das sind die Fraktionen von`
    Word,
}

/// The text with each page's misplaced column block put back (see the module's head).
pub fn restore(text: &str) -> Cow<'_, str> {
    if !text.contains('\u{0C}') {
        return Cow::Borrowed(text);
    }
    let pages: Vec<&str> = text.split('\u{0C}').collect();
    let mended: Vec<Option<String>> = pages
        .iter()
        .map(|p| match parted_lines_joined(p) {
            Some(joined) => Some(restore_page(&joined).unwrap_or(joined)),
            None => restore_page(p),
        })
        .collect();
    if mended.iter().all(Option::is_none) {
        return Cow::Borrowed(text);
    }
    let out: Vec<Cow<str>> = pages
        .iter()
        .zip(mended)
        .map(|(p, m)| m.map_or(Cow::Borrowed(*p), Cow::Owned))
        .collect();
    Cow::Owned(out.join("\u{0C}"))
}

/// A line poppler parted into blocks where it is set with wide spaces (a justified line of a
/// parenthesis: `(Mehrdad Mostofizadeh` / `schenfeindlich ist das!)` then `[GRÜNE]:` and `Men-`
/// as blocks of their own, 18/115 page 100) made whole: after a block, up to three blocks of one
/// short line each, the last ending in a word's hyphen, belong to the end of the block's last
/// line that the next goes on from in lower case (the hyphenated word's end).
fn parted_lines_joined(page: &str) -> Option<String> {
    let blocks: Vec<&str> = page.split("\n\n").collect();
    let mut out: Vec<String> = Vec::with_capacity(blocks.len());
    let mut i = 0;
    let mut changed = false;
    while i < blocks.len() {
        let lines: Vec<&str> = blocks[i].lines().collect();
        // The parted line: the last that the next goes on from in lower case, no hyphen between.
        let parted = (0..lines.len().saturating_sub(1))
            .rev()
            .find(|&k| lines[k + 1].starts_with(char::is_lowercase) && !lines[k].ends_with('-'));
        let short = |b: &str| {
            !b.contains('\n') && b.split_whitespace().count() <= 3 && !b.trim().is_empty()
        };
        let run = (i + 1..blocks.len().min(i + 4))
            .take_while(|&j| short(blocks[j]))
            .position(|j| open(blocks[j]) == Some(Open::Hyphen));
        match run {
            Some(k) if parted.is_some() => {
                let at = parted.unwrap_or(0);
                let parts: Vec<&str> = blocks[i + 1..=i + 1 + k].iter().map(|b| b.trim()).collect();
                let whole = format!("{} {}", lines[at], parts.join(" ").trim_end_matches('-'));
                let mut mended: Vec<String> = lines[..at].iter().map(|l| (*l).to_owned()).collect();
                mended.push(format!("{whole}{}", lines[at + 1]));
                mended.extend(lines[at + 2..].iter().map(|l| (*l).to_owned()));
                out.push(mended.join("\n"));
                i += k + 2;
                changed = true;
            }
            _ => {
                out.push(blocks[i].to_owned());
                i += 1;
            }
        }
    }
    changed.then(|| out.join("\n\n"))
}

/// One page with its misplaced block put back, or `None` where it shows no misplaced block.
fn restore_page(page: &str) -> Option<String> {
    let blocks: Vec<&str> = page
        .split("\n\n")
        .map(|b| b.trim_matches('\n'))
        .filter(|b| !b.trim().is_empty())
        .collect();
    let head = blocks.iter().position(|b| is_head(b))?;
    let number = |i: usize| PAGE_NUMBER_LINE.is_match(blocks[i].trim());
    let mut before = head.checked_sub(1)?;
    if number(before) {
        before = before.checked_sub(1)?;
    }
    let mut c = head + 1;
    if c < blocks.len() && number(c) {
        c += 1;
    }
    // The page's top (`Landtag` / `Nordrhein-Westfalen`) may open the block before the head:
    // a body must follow it there.
    let body_before = blocks[before]
        .trim_start()
        .strip_prefix("Landtag")
        .is_none_or(|rest| {
            let rest = rest.trim_start();
            let rest = rest.strip_prefix("Nordrhein-Westfalen").unwrap_or(rest);
            !rest.trim().is_empty()
        });
    if !body_before || open(blocks[before]).is_some() {
        return None;
    }
    let first = *blocks.get(c)?;
    let a = (c + 1..blocks.len()).find(|&i| open(blocks[i]).is_some())?;
    let how = open(blocks[a])?;
    let next = blocks.get(a + 1)?;
    if goes_on(how, next) || !goes_on(how, first) {
        return None;
    }
    let mut order: Vec<&str> = blocks[..c].to_vec();
    order.extend_from_slice(&blocks[c + 1..=a]);
    order.push(first);
    order.extend_from_slice(&blocks[a + 1..]);
    Some(format!("\n{}\n", order.join("\n\n")))
}

/// A block of the running head: the date and `Plenarprotokoll N/M` on lines of their own.
fn is_head(block: &str) -> bool {
    let lines: Vec<&str> = block.lines().map(str::trim).collect();
    lines.iter().any(|l| DATE_LINE.is_match(l)) && lines.iter().any(|l| PROTOCOL_LINE.is_match(l))
}

/// Whether `block` breaks off mid-sentence, and how.
fn open(block: &str) -> Option<Open> {
    let last = block.lines().last()?.trim_end();
    let mut chars = last.chars().rev();
    if chars.next() == Some('-') && chars.next().is_some_and(char::is_lowercase) {
        return Some(Open::Hyphen);
    }
    // `… vor. Wir` as well as `… die Fraktionen von`: a sentence's first word ends none.
    let word = last.split_whitespace().last()?.to_lowercase();
    OPEN_WORDS.contains(&word.as_str()).then_some(Open::Word)
}

/// Whether `block` can go on from a block broken off as `how`: after a hyphen, in lower case;
/// after an open word, neither an item's heading nor a sentence's opening word, nor a stage
/// direction (an interjection stands between the parts of a sentence: no move is safe then).
fn goes_on(how: Open, block: &str) -> bool {
    let t = block.trim_start();
    if t.starts_with('(') {
        return true;
    }
    let Some(first) = t.chars().next() else {
        return false;
    };
    match how {
        Open::Hyphen => first.is_lowercase(),
        Open::Word => {
            let word = t.split_whitespace().next().unwrap_or("");
            !is_heading(t) && !OPENING_WORDS.contains(&word)
        }
    }
}

/// A heading's block: its first line short, without a sentence's punctuation at its end, and
/// not the first part of a list (`CDU, SPD, …`).
fn is_heading(block: &str) -> bool {
    let line = block.lines().next().unwrap_or("").trim();
    line.chars().count() <= 45 && !line.ends_with(['.', '?', '!', ':', ',']) && !line.contains(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Page 138 of 18/115 as plain `pdftotext` prints it, shortened.
    const FUNCTION_WORD: &str = "\nLandtag\nNordrhein-Westfalen\n\n24 Wahl von Personen in das\n\
        Kuratorium\nDrucksache 18/17552\n\n28.01.2026\nPlenarprotokoll 18/115\n\n138\n\n\
        CDU, SPD, Bündnis 90/Die Grünen und FDP. Wer\nstimmt dagegen? – Keine. Damit ist der\n\
        Wahlvorschlag angenommen.\n\nWir stimmen zweitens ab über den Wahlvorschlag. Wer stimmt \
        dem\nWahlvorschlag zu? – Das sind die Fraktionen von\n\nBeschlussempfehlung\n\
        des Rechtsausschusses\n\nWir kommen somit zur Abstimmung.\n";

    #[test]
    fn a_block_printed_before_the_column_it_ends_is_put_back() {
        let mended = restore(&format!("a.\u{0C}{FUNCTION_WORD}\u{0C}b.")).into_owned();
        let page = mended.split('\u{0C}').nth(1).unwrap();
        assert!(
            page.contains("Fraktionen von\n\nCDU, SPD, Bündnis 90/Die Grünen und FDP. Wer"),
            "{page}"
        );
        assert!(
            page.contains("angenommen.\n\nBeschlussempfehlung"),
            "{page}"
        );
        // Put back once; the mended page has nothing more to move.
        assert_eq!(restore(&mended), mended);
    }

    #[test]
    fn a_line_parted_into_blocks_is_one_line() {
        let page =
            "\nKrieg verheizt werden.\n\n(Mehrdad Mostofizadeh\nschenfeindlich ist das!)\n\n\
                    [GRÜNE]:\n\nMen-\n\nAuf beiden Seiten kämpfen.\n";
        let mended = restore(&format!("{page}\u{0C}")).into_owned();
        assert!(
            mended
                .contains("\n\n(Mehrdad Mostofizadeh [GRÜNE]: Menschenfeindlich ist das!)\n\nAuf"),
            "{mended}"
        );
        // A block of short lines that ends no hyphenated word is left as it is.
        let kept = "\n(Zuruf\nvon der SPD)\n\nCDU\n\nWeiter.\n\u{0C}";
        assert_eq!(restore(kept), kept);
    }

    #[test]
    fn a_hyphenated_word_finds_its_end() {
        let page = "\nMeine Damen und Herren, der Antrag ist angenommen.\n\n19\n\n\
                    01.06.2017\nPlenarprotokoll 17/1\n\nhält sich? – Damit ist der Antrag \
                    angenommen.\n\nIch weise darauf hin.\n\n12 Einsetzung\nWer ent-\n\n\
                    Wir kommen deshalb zur Abstimmung.\n";
        let mended = restore(&format!("{page}\u{0C}")).into_owned();
        assert!(mended.contains("Wer ent-\n\nhält sich?"), "{mended}");
    }

    /// Page 136 of 18/115, shortened: the left column's last block ends `… vor. Wir`, a
    /// sentence's first word, and the right column's first (`kommen somit zum Schluss …`,
    /// the next item's heading after it) was printed before it.
    #[test]
    fn a_block_ending_in_a_sentences_first_word_finds_its_end() {
        let page = "\nLandtag\nNordrhein-Westfalen\nFranziska Müller-Rech (FDP): Vielen Dank.\n\
                    Wir schätzen uns.\n\n28.01.2026\nPlenarprotokoll 18/115\n\n136\n\n\
                    kommen somit zum Schluss der Aussprache.\nWir kommen zu:\n18 Gesetz\n\
                    zweite Lesung\n\n(Lachen von Christian Loose [AfD])\nAusgerechnet hier.\n\
                    Vizepräsidentin Berivan Aymaz: Vielen Dank. – Es\nliegen keine weiteren \
                    Wortmeldungen vor. Wir\n\nDie Reden sollen zu Protokoll gegeben werden.\n";
        let mended = restore(&format!("{page}\u{0C}")).into_owned();
        assert!(
            mended.contains("vor. Wir\n\nkommen somit zum Schluss"),
            "{mended}"
        );
        assert!(mended.contains("zweite Lesung\n\nDie Reden"), "{mended}");
    }

    #[test]
    fn pages_in_order_are_left_alone() {
        // The right column's first block goes on from the left column's last one.
        let in_order = "\nDas sind die Fraktionen von\n\n28.01.2026\nPlenarprotokoll 18/115\n\n\
                        138\n\nCDU und SPD. Wer stimmt dagegen?\n\nDas ist die Fraktion der\n\n\
                        AfD.\n";
        assert_eq!(
            restore(&format!("{in_order}\u{0C}")),
            format!("{in_order}\u{0C}")
        );
        // An interjection after the open block: nothing is moved.
        let interjected = FUNCTION_WORD.replace("\n\nBeschlussempfehlung", "\n\n(Zuruf)");
        let text = format!("{interjected}\u{0C}");
        assert_eq!(restore(&text), text);
        // No running head between body blocks (a PDF read by `pdf.rs`): nothing is moved.
        let no_head = FUNCTION_WORD.replace("28.01.2026\n", "");
        let text = format!("{no_head}\u{0C}");
        assert_eq!(restore(&text), text);
    }
}
