//! A plenary protocol's table of contents (Inhalt): the items it lists, and the speakers it
//! lists under each item with the page each speech begins on. It is not read as speeches; it
//! checks the body: every listed speech must be found beginning on the listed page, and an item
//! heading the body prints out of the agenda's order is known by the list.

use regex::Regex;
use std::sync::LazyLock;

/// `Henning Höne (FDP) ........ 8`, `Ministerin Dorothee Feller ...... 14`.
static ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^(?P<role>(?:Ministerpräsidentin|Ministerpräsident|Ministerin|Minister|Staatssekretärin|Staatssekretär)\s+)?(?P<name>(?:Prof\.\s+)?(?:Dr\.\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+|von|van|de|zu|der)){1,4})(?:\s*\*\))?(?:\s*\((?P<affil>[^()\n]{2,30})\))?\s*\.{3,}\s*(?P<page>\d{1,4})$",
    )
    .unwrap()
});

/// An item as the list prints it: `7 300.000 Arbeitsplätze in der …`, `12 Ein funktionierendes …`
/// (the title's first word, on the number's line; sub-items `a)` are not items).
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^(?P<n>\d{1,3})[ \t]+(?P<first>[\p{Lu}\d„\x22][^\s.]*(?:\.\d+)*)").unwrap()
});

/// An agenda item the table of contents lists: its number and its title's first word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub number: u32,
    first: String,
}

impl Item {
    /// Whether a heading's title starts as the listed title does.
    pub fn starts(&self, title: &str) -> bool {
        title
            .split_whitespace()
            .next()
            .is_some_and(|w| key(w) == self.first)
    }
}

/// A title's first word, compared without punctuation and case (`„Wir` is `wir`, `300.000` is
/// `300000`).
fn key(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The items listed in `text[..end]`, in the order printed (plain text may print the list's
/// blocks out of order: 17/1's `2`, `4`, `3`).
pub fn items(text: &str, end: usize) -> Vec<Item> {
    ITEM.captures_iter(&text[..end.min(text.len())])
        .map(|c| Item {
            number: c["n"].parse().unwrap_or(0),
            first: key(&c["first"]),
        })
        .filter(|i| i.number > 0 && !i.first.is_empty())
        .collect()
}

/// A speech the table of contents lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The name as listed, titles included.
    pub name: String,
    pub page: u32,
    /// Byte offset of the entry in the text.
    pub offset: usize,
}

impl Entry {
    /// The surname: what the body's labels and the list share however titles are printed.
    pub fn surname(&self) -> &str {
        self.name.split_whitespace().last().unwrap_or("")
    }
}

/// The speeches listed in `text[..end]` (the part before the sitting begins). An entry needs a
/// faction or a government role; `Vereidigung von Ministerin … 7` and `Ergebnis … 27` are items.
pub fn speeches(text: &str, end: usize) -> Vec<Entry> {
    ENTRY
        .captures_iter(&text[..end])
        .filter(|c| c.name("role").is_some() || c.name("affil").is_some())
        .filter_map(|c| {
            Some(Entry {
                name: c["name"].to_owned(),
                page: c["page"].parse().ok()?,
                offset: c.get(0)?.start(),
            })
        })
        .collect()
}

/// A result the table of contents lists: `Ergebnis ........ 27`, or with what was decided over
/// up to four lines (17/1: `Ergebnis Änderungsantrag zu § 3 Absatz 1 des` / … / `vier ..... 9`,
/// `Ergebnis Wahl des Präsidenten ..... 11`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// What the entry names after `Ergebnis`, on one line (empty for a bare `Ergebnis`).
    pub label: String,
    pub page: u32,
    /// Byte offset of the entry in the text.
    pub offset: usize,
}

/// An entry's last line: its dots and its page.
static LEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<label>.*?)\s*\.{3,}\s*(?P<page>\d{1,4})\s*$").unwrap());

/// An entry's lines as one: a word hyphenated at a line's end made whole (`Be-` / `grenzung`).
fn joined(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        if out.ends_with('-') && line.starts_with(char::is_lowercase) {
            out.pop();
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// The results listed in `text[..end]`: a line that opens with `Ergebnis`, closed by dots and a
/// page on it or on one of the next three lines (a blank line or another entry's page ends the
/// search: no page, no entry).
pub fn results(text: &str, end: usize) -> Vec<Listed> {
    let contents = &text[..end.min(text.len())];
    let mut lines = Vec::new();
    let mut at = 0;
    for line in contents.split_inclusive('\n') {
        lines.push((at, line.trim_end()));
        at += line.len();
    }
    let mut out = Vec::new();
    for (i, &(offset, line)) in lines.iter().enumerate() {
        let Some(rest) = line.trim_start().strip_prefix("Ergebnis") else {
            continue;
        };
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let mut label = Vec::new();
        for &(_, next) in
            std::iter::once(&(offset, rest)).chain(&lines[i + 1..(i + 4).min(lines.len())])
        {
            if next.trim().is_empty() {
                break;
            }
            if let Some(c) = LEADER.captures(next) {
                label.push(c["label"].trim().to_owned());
                if let Ok(page) = c["page"].parse() {
                    let label = joined(&label);
                    out.push(Listed {
                        label,
                        page,
                        offset,
                    });
                }
                break;
            }
            label.push(next.trim().to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_speakers_not_items() {
        let text = "Vereidigung von Ministerin Verena Schäffer ...... 7\n\nMinisterin Verena Schäffer ............ 7\nDr. Jan Heinisch (CDU) ............... 10\nErgebnis ..................... 27\nDrucksache 18/17540 ......... 7\nLena Teschlade (SPD)................. 53\n";
        let got: Vec<(String, u32)> = speeches(text, text.len())
            .into_iter()
            .map(|e| (e.name, e.page))
            .collect();
        assert_eq!(
            got,
            [
                ("Verena Schäffer".to_owned(), 7),
                ("Dr. Jan Heinisch".to_owned(), 10),
                ("Lena Teschlade".to_owned(), 53)
            ]
        );
    }

    #[test]
    fn lists_results_bare_and_named_over_lines() {
        let text = "Ergebnis ..................... 27\nDrucksache 18/17540 ......... 7\nErgebnis Änderungsantrag zu § 3 Absatz 1 des\nEntwurfs der Geschäftsordnung, Stichwort: Be-\ngrenzung auf zwei ......... 9\nErgebnisse der Anhörung\nErgebnis Wahl des Präsidenten ....... 11\nErgebnis\n\nLena Teschlade (SPD)....... 53\n";
        let got: Vec<(String, u32)> = results(text, text.len())
            .into_iter()
            .map(|e| (e.label, e.page))
            .collect();
        assert_eq!(
            got,
            [
                (String::new(), 27),
                (
                    "Änderungsantrag zu § 3 Absatz 1 des Entwurfs der Geschäftsordnung, Stichwort: Begrenzung auf zwei".to_owned(),
                    9
                ),
                ("Wahl des Präsidenten".to_owned(), 11),
            ]
        );
    }
}
