//! Text as `pdftotext -layout` prints a two-column page: each line holds a line of the left
//! column and, after a run of spaces, the line of the right column beside it. Such a page is
//! split at its gutter and printed as plain `pdftotext` prints it: the left column, a blank
//! line, the right column; parts a run of spaces parts within a column (the head's `Landtag`,
//! page number and date; a contents line's page) each on a line of its own. A line blank in one
//! column only is no paragraph's end (the other column's heading or wider spacing put it
//! there), so it is dropped, as plain text prints paragraphs without blank lines. A page without
//! a gutter (plain text, one column, a title page) is left as it is.

use std::borrow::Cow;

/// Spaces that part two columns, or a column's parts.
const GAP: usize = 3;
/// The right column begins this far in at least (characters).
const GUTTER_FROM: usize = 20;
/// A line's right part may begin this many characters before the page's gutter (a line of
/// the right column set in a little less).
const GUTTER_SLACK: usize = 3;
/// Lines with a right part a page needs at least, as a share of its lines, to be read as two
/// columns side by side.
const TWO_PART_SHARE: f64 = 0.2;
const TWO_PART_LEAST: usize = 3;

/// The text with every page printed side by side split into its columns.
pub fn unfold(text: &str) -> Cow<'_, str> {
    // Every document passes here: a line is looked at closely only where it holds a gap.
    let gap = " ".repeat(GAP);
    if !text
        .lines()
        .filter(|l| l.contains(&gap))
        .any(|l| gap_at(&l.chars().collect::<Vec<_>>()).is_some())
    {
        return Cow::Borrowed(text);
    }
    let pages: Vec<Option<String>> = text.split('\u{0C}').map(unfold_page).collect();
    if pages.iter().all(Option::is_none) {
        return Cow::Borrowed(text);
    }
    let out: Vec<Cow<str>> = text
        .split('\u{0C}')
        .zip(pages)
        .map(|(p, u)| u.map_or(Cow::Borrowed(p), Cow::Owned))
        .collect();
    Cow::Owned(out.join("\u{0C}"))
}

/// Where a line's second part begins: the first non-space after a run of at least `GAP`
/// spaces that follows text, at `GUTTER_FROM` or further in.
fn gap_at(line: &[char]) -> Option<usize> {
    let first = line.iter().position(|c| !c.is_whitespace())?;
    let mut spaces = 0;
    for (i, c) in line.iter().enumerate().skip(first) {
        if *c == ' ' {
            spaces += 1;
        } else {
            if spaces >= GAP && i >= GUTTER_FROM {
                return Some(i);
            }
            spaces = 0;
        }
    }
    None
}

/// How many runs of `GAP` spaces or more part a line's text.
pub(crate) fn gaps(line: &[char]) -> usize {
    let text: String = line.iter().collect();
    text.trim()
        .split(&" ".repeat(GAP))
        .filter(|p| !p.trim().is_empty())
        .count()
        .saturating_sub(1)
}

/// Where a line's right part begins: after a gap, or the line's own start far in (a line of the
/// right column beside a blank one of the left).
fn right_at(line: &[char]) -> Option<usize> {
    let indent = line.iter().position(|c| !c.is_whitespace())?;
    if indent >= GUTTER_FROM {
        return Some(indent);
    }
    gap_at(line)
}

/// One page split into its columns, or `None` where it has no gutter.
fn unfold_page(page: &str) -> Option<String> {
    let lines: Vec<Vec<char>> = page.lines().map(|l| l.chars().collect()).collect();
    let gutter = gutter(&lines)?;
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for line in &lines {
        if line.iter().all(|c| c.is_whitespace()) {
            left.push(None);
            right.push(None);
            continue;
        }
        let (l, r) = split(line, gutter);
        for (column, part) in [(&mut left, l), (&mut right, r)] {
            match parts(&part) {
                p if p.is_empty() => column.push(Some(String::new())),
                p => column.extend(p.into_iter().map(Some)),
            }
        }
    }
    Some(format!("{}\n\n{}\n", joined(&left), joined(&right)))
}

/// A column's lines as text: `None` a blank line of the whole page, an empty line one blank in
/// this column only, kept as a break unless the lines around it are one sentence cut
/// (`… aber es ist` / `mehr als nichts`: the other column's heading made the gap).
fn joined(column: &[Option<String>]) -> String {
    let text = |i: usize| column[i].as_deref().filter(|t| !t.is_empty());
    let mut out: Vec<&str> = Vec::new();
    for (i, line) in column.iter().enumerate() {
        match line.as_deref() {
            Some("") => {
                let before = (0..i).rev().find_map(text);
                let after = (i + 1..column.len()).find_map(text);
                let cut = before
                    .zip(after)
                    .is_some_and(|(b, a)| crate::columns::cut_sentence(b, a));
                if !cut && out.last().is_some_and(|l| !l.is_empty()) {
                    out.push("");
                }
            }
            Some(t) => out.push(t),
            None => {
                if out.last().is_some_and(|l| !l.is_empty()) {
                    out.push("");
                }
            }
        }
    }
    out.join("\n").trim_end().to_owned()
}

/// The page's gutter: the column most right parts begin at, if enough lines have one.
fn gutter(lines: &[Vec<char>]) -> Option<usize> {
    let filled = lines
        .iter()
        .filter(|l| l.iter().any(|c| !c.is_whitespace()))
        .count();
    let starts: Vec<usize> = lines.iter().filter_map(|l| right_at(l)).collect();
    let enough = (filled as f64 * TWO_PART_SHARE).ceil() as usize;
    if starts.len() < enough.max(TWO_PART_LEAST) {
        return None;
    }
    // A table's rows have a gap between every two cells: two columns of prose have one.
    let tabular = lines.iter().filter(|l| gaps(l) >= 2).count();
    if tabular * 2 > starts.len() {
        return None;
    }
    let mut counts = std::collections::BTreeMap::new();
    for s in &starts {
        *counts.entry(*s).or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(at, n)| (n, std::cmp::Reverse(at)))
        .map(|(at, _)| at)
}

/// A line's left and right column: the right one begins at the first part that starts at the
/// gutter or a little before it; a line that begins there is the right column's alone.
fn split(line: &[char], gutter: usize) -> (String, String) {
    let from = gutter.saturating_sub(GUTTER_SLACK);
    let indent = line.iter().position(|c| !c.is_whitespace()).unwrap_or(0);
    let at = if indent >= from {
        Some(indent)
    } else {
        (from..line.len()).find(|&i| {
            !line[i].is_whitespace() && i >= GAP && line[i - GAP..i].iter().all(|c| *c == ' ')
        })
    };
    match at {
        Some(i) => (
            line[..i].iter().collect::<String>().trim().to_owned(),
            line[i..].iter().collect::<String>().trim().to_owned(),
        ),
        None => (
            line.iter().collect::<String>().trim().to_owned(),
            String::new(),
        ),
    }
}

/// A column's part of a line: its pieces a run of spaces parts, each a line (none where it is
/// empty).
pub(crate) fn parts(part: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = part;
    while let Some(at) = rest.find(&" ".repeat(GAP)) {
        out.push(rest[..at].trim().to_owned());
        rest = rest[at..].trim_start();
    }
    if !rest.trim().is_empty() {
        out.push(rest.trim().to_owned());
    }
    out.retain(|p| !p.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Page 53 of 18/115 as `pdftotext -layout` prints it, shortened.
    const PAGE: &str = "Landtag                                                  28.01.2026\n\
Nordrhein-Westfalen                  53                  Plenarprotokoll 18/115\n\
\n\
Wenn Sie im Übrigen sagen, dass wäre ein großes     Gesetzentwurf zu? – Die Fraktionen von CDU, SPD\n\
Drama, dann schauen Sie sich einmal andere Bun-     und Grünen. Wer lehnt diesen Gesetzentwurf ab? –\n\
deslände an.                                        Die Fraktion der AfD. Somit ist er angenommen.\n\
\n\
Und fünftens: Über die Geschlechterparität wurde\n\
schon gesprochen.                                   Wir kommen zu:\n\
@@7 300.000 Arbeitsplätze in der Wert-\n\
Es ist nur ein Appell, aber es ist\n\
@@schöpfungskette\n\
mehr als nichts.\n";

    #[test]
    fn a_page_side_by_side_is_split_into_its_columns() {
        // Lines of the right column alone, set in beyond the gutter (Rust's string
        // continuation would eat the spaces): the left column's gap beside the first is a
        // break, beside the second, inside a sentence, none.
        let page = PAGE.replace("@@", &" ".repeat(54));
        let got = unfold(&format!("{page}\u{0C}")).into_owned();
        let want = "Landtag\nNordrhein-Westfalen\n53\n\nWenn Sie im Übrigen sagen, dass wäre ein großes\n\
Drama, dann schauen Sie sich einmal andere Bun-\ndeslände an.\n\nUnd fünftens: Über die Geschlechterparität wurde\n\
schon gesprochen.\n\nEs ist nur ein Appell, aber es ist\nmehr als nichts.\n\n28.01.2026\nPlenarprotokoll 18/115\n\n\
Gesetzentwurf zu? – Die Fraktionen von CDU, SPD\nund Grünen. Wer lehnt diesen Gesetzentwurf ab? –\n\
Die Fraktion der AfD. Somit ist er angenommen.\n\nWir kommen zu:\n7 300.000 Arbeitsplätze in der Wert-\nschöpfungskette\n";
        assert_eq!(got.trim_end_matches('\u{0C}'), want);
    }

    #[test]
    fn plain_text_is_left_as_it_is() {
        let plain = "Landtag\nNordrhein-Westfalen\n\n28.01.2026\nPlenarprotokoll 18/115\n\n53\n\nWenn Sie im Übrigen sagen, dass wäre ein großes\n";
        assert!(matches!(unfold(plain), Cow::Borrowed(_)));
        // A table (a gap between every two cells) is no two columns.
        let table = "Programm                 2020        2021        2022\nDigitale Modellregionen  12,0        15,5        20,1\nSchulen digital          30,0        40,0        33,0\n";
        assert!(matches!(unfold(table), Cow::Borrowed(_)));
        // A contents line's dots and page within one column is no gutter on its own.
        let one = "Mitteilungen des Präsidenten ...... 7\nHenning Höne (FDP) ..... 8\n";
        assert!(matches!(unfold(one), Cow::Borrowed(_)));
    }
}
