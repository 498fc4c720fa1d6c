//! A roll call's annex table in `pdftotext -layout` text. Plain text loses which column an `X`
//! stands in; `-layout` keeps it as the character column. Each page is made word boxes again
//! (a character `CHAR_WIDTH` points wide, a line `LINE_HEIGHT` high), so that the table reader
//! (`table.rs`) reads it as it reads the PDF: its rows, six cells parted by tabs. What stands
//! above the table (running head, the annex's heading) is printed a part a line, as
//! `side_by_side` prints a head. Pages without a roll-call table are left as they are.

use std::borrow::Cow;

use super::{table, Page, Word};

/// Points a character of `-layout` text stands for: poppler sets its grid from the page's
/// font (4.74 pt in the annex as the Landtag prints it); the table reader's slacks are wider.
const CHAR_WIDTH: f64 = 4.75;
/// Points a line of `-layout` text stands for (a row of the annex is 13.1 pt, its header's
/// lines 12.6).
const LINE_HEIGHT: f64 = 12.6;
/// The most lines a page of `-layout` text read for a table may have.
const MAX_PAGE_LINES: usize = 200;
/// Height of a word's box within its line.
const WORD_HEIGHT: f64 = 9.25;

/// The text with every page holding a roll-call table (or going on with one) read as the PDF's
/// table reader reads it; borrowed where no page holds one.
pub(crate) fn roll_calls(text: &str) -> Cow<'_, str> {
    // Every document passes here: a page is looked at only where it may head a table.
    if !text.contains('\u{0C}') || !["Lfd", "Nr", "Name"].iter().any(|w| text.contains(w)) {
        return Cow::Borrowed(text);
    }
    let mut tables = Vec::new();
    let mut any = false;
    let pages: Vec<Cow<str>> = text
        .split('\u{0C}')
        .map(|p| match page_roll_call(p, &tables) {
            Some((read, found)) => {
                tables = found;
                any = true;
                Cow::Owned(read)
            }
            None => {
                tables.clear();
                Cow::Borrowed(p)
            }
        })
        .collect();
    if any {
        Cow::Owned(pages.join("\u{0C}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// One page's text with its roll-call tables row by row, or `None` where it holds none.
fn page_roll_call(text: &str, before: &[table::Columns]) -> Option<(String, Vec<table::Columns>)> {
    // A printed page holds some 70 lines (`-layout` keeps its blank ones): a longer one is no
    // page of an annex, and reading it as one would cost time growing with its square.
    if text.lines().count() > MAX_PAGE_LINES {
        return None;
    }
    let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    // A table's rows are parted by runs of spaces: a page of prose is no table.
    if before.is_empty() && !lines.iter().any(|l| crate::side_by_side::gaps(l) > 0) {
        return None;
    }
    let page = page_of(&lines);
    // A table going on from the page before, on this page's grid.
    let found = table::read(&page, &table::regridded(&page, before))?;
    let above = lines
        .iter()
        .enumerate()
        .take_while(|(i, _)| top_of(*i) < found.top)
        .count();
    let mut out = above_table(&lines[..above], page.width);
    out.extend(found.rows);
    out.push(String::new());
    Some((out.join("\n"), found.tables))
}

/// What stands above a table, a part a line: the running head (the lines before the first
/// blank one) band by band, left, middle, right third of the page, each band's parts line by
/// line, so that the date stands on the line before `Plenarprotokoll p/n` and the page number
/// next to them, as plain `pdftotext` prints a head; the lines under it in order.
fn above_table(lines: &[Vec<char>], width: f64) -> Vec<String> {
    let head = lines
        .iter()
        .position(|l| l.iter().all(|c| c.is_whitespace()))
        .unwrap_or(lines.len());
    let mut parts: Vec<(usize, String)> = Vec::new();
    for line in &lines[..head] {
        let mut from = 0;
        let text: String = line.iter().collect();
        for part in crate::side_by_side::parts(&text) {
            let at = line_find(line, &part, from);
            from = at + part.chars().count();
            let centre = (at + from) as f64 / 2.0 * CHAR_WIDTH;
            parts.push(((3.0 * centre / width.max(1.0)) as usize, part));
        }
    }
    // A stable sort: within a band, the parts stay line by line.
    parts.sort_by_key(|p| p.0);
    let mut out: Vec<String> = parts.into_iter().map(|p| p.1).collect();
    for line in &lines[head..] {
        out.extend(crate::side_by_side::parts(&line.iter().collect::<String>()));
    }
    out
}

/// Where `part` begins in `line`, at `from` or after (in characters).
fn line_find(line: &[char], part: &str, from: usize) -> usize {
    let p: Vec<char> = part.chars().collect();
    (from..line.len())
        .find(|&i| line[i..].starts_with(&p))
        .unwrap_or(from)
}

fn top_of(line: usize) -> f64 {
    line as f64 * LINE_HEIGHT
}

/// The page's words with their boxes, from their character columns and lines.
fn page_of(lines: &[Vec<char>]) -> Page {
    let mut words = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let mut start = None;
        for (j, c) in line.iter().chain(std::iter::once(&' ')).enumerate() {
            match (c.is_whitespace(), start) {
                (false, None) => start = Some(j),
                (true, Some(s)) => {
                    words.push(Word {
                        x_min: s as f64 * CHAR_WIDTH,
                        x_max: j as f64 * CHAR_WIDTH,
                        y_min: top_of(i),
                        y_max: top_of(i) + WORD_HEIGHT,
                        text: line[s..j].iter().collect(),
                    });
                    start = None;
                }
                _ => {}
            }
        }
    }
    let width = lines.iter().map(Vec::len).max().unwrap_or(0) as f64 * CHAR_WIDTH;
    Page {
        width,
        height: top_of(lines.len()),
        blocks: Vec::new(),
        words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first rows of the synthetic annex as `pdftotext -layout` prints it.
    const ANNEX: &str = "\
Landtag                                                                                    01.02.2012
Nordrhein-Westfalen                            9870                             Plenarprotokoll 15/61


 Anlage

 Namentliche Abstimmung zu TOP 3 – Gute Arbeit in der Pflege sichern – Drucksache 15/4711


                                                                           Abstimmung
  Lfd.         Name des Abgeordneten                  Fraktion                             Stimm-
  Nr.                                                                 ja       nein        enthal-
                                                                                           tung
 1        Herr Albers                            CDU                            X
 2        Herr Dr. Albrecht                      CDU                            X
 3        Herr Bartels                           PIRATEN                                     X
 4        Herr Becker, Andreas                   SPD                  X
 6        Herr Böckmann                          CDU                        entschuldigt
";

    /// A page going on without a header, on a grid of its own (narrower, as poppler sets a
    /// page whose lines are shorter).
    const GOES_ON: &str = "\
 7    Frau von Bredow     FDP           X
 8    Herr Brinkmann      CDU                X
 9    Herr Dahlke         SPD      X
";

    fn rows(text: &str) -> Vec<String> {
        roll_calls(text)
            .split(['\n', '\u{0C}'])
            .filter(|l| l.contains('\t'))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn an_annex_printed_with_layout_is_read_row_by_row() {
        // `pdftotext` ends every page with a form feed.
        let page = format!("{ANNEX}\u{0C}");
        let read = roll_calls(&page);
        assert_eq!(
            rows(&page),
            [
                "1\tHerr Albers\tCDU\t\tX\t",
                "2\tHerr Dr. Albrecht\tCDU\t\tX\t",
                "3\tHerr Bartels\tPIRATEN\t\t\tX",
                "4\tHerr Becker, Andreas\tSPD\tX\t\t",
                "6\tHerr Böckmann\tCDU\t\tentschuldigt\t",
            ]
        );
        // The head as plain `pdftotext` prints it, then the heading.
        assert!(read.starts_with(
            "Landtag\nNordrhein-Westfalen\n9870\n01.02.2012\nPlenarprotokoll 15/61\nAnlage\n"
        ));
        assert!(read.contains("\nNamentliche Abstimmung zu TOP 3"));
    }

    #[test]
    fn a_page_going_on_is_read_on_its_own_grid() {
        assert_eq!(
            rows(&format!("{ANNEX}\u{0C}{GOES_ON}"))[5..],
            [
                "7\tFrau von Bredow\tFDP\t\tX\t",
                "8\tHerr Brinkmann\tCDU\t\t\tX",
                "9\tHerr Dahlke\tSPD\tX\t\t",
            ]
        );
        // Marks in two columns only: which two is open, so the page is not read as rows.
        let two = GOES_ON.replace("                X", "           X");
        let text = format!("{ANNEX}\u{0C}{two}");
        assert_eq!(rows(&text).len(), 5);
        assert!(roll_calls(&text).ends_with(&two));
    }

    #[test]
    fn a_page_longer_than_a_printed_one_is_left_as_it_is() {
        let long = format!("{ANNEX}{}\u{0C}", "\n".repeat(MAX_PAGE_LINES));
        assert!(matches!(roll_calls(&long), Cow::Borrowed(_)));
        assert_eq!(rows(&format!("{ANNEX}\u{0C}")).len(), 5);
    }

    #[test]
    fn prose_and_plain_text_are_left_as_they_are() {
        let prose =
            "Landtag\nNordrhein-Westfalen\n\nLfd. Nr. 3 der Liste: ja und nein.\n\u{0C}Name\n";
        assert!(matches!(roll_calls(prose), Cow::Borrowed(_)));
        let plain =
            "Abstimmung\nLfd.\nNr.\n1\n2\nName des Abgeordneten\nFraktion\nja\nnein\n\u{0C}X\n";
        assert!(matches!(roll_calls(plain), Cow::Borrowed(_)));
    }
}
