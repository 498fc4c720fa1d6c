//! A roll call's annex (Anlage: `Namentliche Abstimmung über …`): one row per member with
//! `Lfd. Nr.`, `Name des Abgeordneten` (salutation, titles, surname; the given name after a
//! comma where two members share a surname: `Herr Müller, Hans`), `Fraktion`, and an `X` under
//! `Ja`, `Nein` or `Stimmenthaltung`, or `entschuldigt` / `abwesend`; the table runs over
//! several pages and ends with an `Ergebnis` row.
//!
//! The text layer (`pdf.rs`) renders such a table one row a line, cells separated by tabs, an
//! empty cell where a column is blank: `12.\tFrau Altenkamp\tSPD\tX\t\t`. Rows are read by that
//! shape, wherever the table stands; the header lines, running heads and page breaks between
//! them are passed over.

use super::{refs, Diagnostics, Severity};
use crate::members::{self, Resolution};
use crate::model::{BallotOption, MemberVote, PaperRef, Speaker};
use regex::Regex;
use std::sync::LazyLock;

/// A roll call's table, with the paper voted on as its heading names it.
#[derive(Debug, Clone)]
pub struct Annex {
    pub subject: Option<PaperRef>,
    pub rows: Vec<MemberVote>,
    /// The `Ergebnis` row: yes, no, abstain.
    pub totals: Option<(u32, u32, u32)>,
}

/// An annex's heading, at a line's start: `Namentliche Abstimmung über …`, `Ergebnis der
/// namentlichen Abstimmung …`, `Anlage 2: Namentliche Schlussabstimmung …`, `Zu TOP 3:
/// Namentliche Abstimmung …`, `Abstimmungsliste zur namentlichen Abstimmung …`, or
/// `Abstimmungsliste` alone (as the body points to it: `[Abstimmungsliste siehe Anlage]`). A
/// heading with no rows under it is none, so a line of the body that begins so costs nothing.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^(?:(?:Anlage(?:\s+\d+)?:?|(?:Zu\s+)?(?:TOP|Tagesordnungspunkt)\s+\d+[a-z]?:?)\s+)?(?:(?:(?:Endgültiges\s+)?Ergebnis|Abstimmungsliste)\s+(?:der|zur)\s+)?[Nn]amentlichen?\s+(?:Schluss)?[Aa]bstimmung\b|(?m)^Abstimmungsliste\b",
    )
    .unwrap()
});
/// A row as the text layer writes it: its number (none in a table without numbers), then
/// tab-separated cells.
static ROW: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^ *(?P<nr>\d{1,3})?\.?\t(?P<cells>[^\n]*)$").unwrap());
/// The totals under the rows: `Ergebnis` (or another of `words::TOTALS_LABELS`), then yes, no,
/// abstentions.
static RESULT_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)^\s*{}\b[^\n\d]*\t\s*(?P<y>\d+)\s*\t\s*(?P<n>\d+)\s*\t\s*(?P<a>\d+)",
        totals_label()
    ))
    .unwrap()
});
static TOTALS_CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s*{}\b", totals_label())).unwrap());

/// `Ergebnis|Summe|…` as a group.
fn totals_label() -> String {
    format!("(?:{})", crate::words::TOTALS_LABELS.join("|"))
}
/// Academic titles before a name.
static TITLES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:(?:Prof\.|Dr\.(?:\s?h\.\s?c\.)?|Dr\.-Ing\.)\s*)*").unwrap());
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<sal>Herrn?|Frau)?\s*(?P<titles>(?:(?:Prof\.|Dr\.(?:\s?h\.\s?c\.)?|Dr\.-Ing\.)\s*)*)(?P<surname>[^,]+?)\s*(?:,\s*(?P<given>.+))?$").unwrap()
});

/// The totals under a table's rows: its `Ergebnis` row of three numbers, else a line that
/// says them in words (`Ergebnis: Ja-Stimmen: 3, Nein-Stimmen: 2, Enthaltungen: 1`).
fn totals(region: &str) -> Option<(u32, u32, u32)> {
    if let Some(c) = RESULT_ROW.captures(region) {
        return Some((
            c["y"].parse().ok()?,
            c["n"].parse().ok()?,
            c["a"].parse().ok()?,
        ));
    }
    region
        .lines()
        .filter(|l| TOTALS_CELL.is_match(l))
        .find_map(|l| {
            let t = super::tally::announced(l)?;
            Some((t.yes?, t.no?, t.abstain?))
        })
}

/// The roll-call tables in `text`, with what reading them found amiss (for callers outside
/// the document parser, the fuzz target among them).
pub fn tables(text: &str, period: Option<u32>) -> (Vec<Annex>, Vec<super::Diagnostic>) {
    let mut diags = Diagnostics::new(text);
    let found = annexes(text, 0, period, &mut diags);
    (found, diags.list)
}

/// The roll-call tables after `from`, each from its `Namentliche Abstimmung` heading; a heading
/// with no rows under it (a contents list's entry) is none. A heading repeated over a table's
/// next page (its rows numbered on, or unnumbered under the same heading) goes on with it.
pub(crate) fn annexes(
    text: &str,
    from: usize,
    period: Option<u32>,
    diags: &mut Diagnostics,
) -> Vec<Annex> {
    let starts: Vec<usize> = HEADING
        .find_iter(&text[from..])
        .map(|m| from + m.start())
        .collect();
    // Each annex with where it starts and its heading's line.
    let mut out: Vec<(usize, &str, Annex)> = Vec::new();
    for (i, start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        let region = &text[*start..end];
        let heading = region.lines().next().unwrap_or("");
        let (numbered, unnumbered) = region_rows(region, *start, period, diags);
        let totals = totals(region);
        let goes_on = match out.last() {
            Some((_, h, _)) if numbered.is_empty() => !unnumbered.is_empty() && *h == heading,
            Some(_) => numbered[0].number > 1,
            None => false,
        };
        if let (true, Some((_, _, last))) = (goes_on, out.last_mut()) {
            let offset = last.rows.len() as u32;
            last.rows.extend(numbered);
            last.rows.extend(unnumbered.into_iter().map(|mut r| {
                r.number += offset;
                r
            }));
            last.totals = totals.or(last.totals);
            continue;
        }
        let mut rows = numbered;
        rows.extend(unnumbered);
        if rows.is_empty() {
            if names_without_rows(region) >= 5 {
                diags.push(
                    Severity::Warning,
                    *start,
                    "a roll-call table whose rows this text does not keep: its members stand \
                     listed without their marks (plain `pdftotext` prints a table column by \
                     column); no member's vote is read from it (convert the PDF itself)",
                );
            }
            continue;
        }
        let head_end = region.find('\t').unwrap_or(region.len());
        let subject = refs::papers(&region[..head_end])
            .into_iter()
            .map(|(_, r)| r)
            .next();
        let annex = Annex {
            subject,
            rows,
            totals,
        };
        out.push((*start, heading, annex));
    }
    for (at, _, a) in &out {
        check(&a.rows, a.totals, *at, diags);
    }
    out.into_iter().map(|(_, _, a)| a).collect()
}

/// The longest run of lines in `region` that are each a member's name alone (`Herr Dr.
/// Albrecht`, `Frau von Bredow`, `Herr Becker, Andreas`): a table printed column by column, as
/// plain `pdftotext` does.
fn names_without_rows(region: &str) -> usize {
    static ALONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:Herrn?|Frau) (?:(?:Prof\.|Dr\.) ?)*(?:[a-z]+ )*[[:upper:]][\w'-]*(?: [[:upper:]][\w'-]*)?(?:, [[:upper:]][\w'-]*)?$").unwrap()
    });
    let (mut run, mut longest) = (0, 0);
    for line in region.lines() {
        run = if ALONE.is_match(line.trim()) {
            run + 1
        } else {
            0
        };
        longest = longest.max(run);
    }
    longest
}

/// The rows of one heading's region: those with a printed number, and those of a table
/// without numbers (numbered here by their order).
fn region_rows(
    region: &str,
    start: usize,
    period: Option<u32>,
    diags: &mut Diagnostics,
) -> (Vec<MemberVote>, Vec<MemberVote>) {
    let (mut numbered, mut unnumbered) = (Vec::new(), Vec::new());
    for c in ROW.captures_iter(region) {
        let at = start + c.get(0).unwrap().start();
        if TOTALS_CELL.is_match(&c["cells"]) {
            continue;
        }
        let nr = c.name("nr").map_or_else(
            || (unnumbered.len() + 1).to_string(),
            |n| n.as_str().to_owned(),
        );
        match row(&nr, &c["cells"], period) {
            Ok((r, doubt)) => {
                if let Some(d) = doubt {
                    diags.push(Severity::Warning, at, d);
                }
                match c.name("nr") {
                    Some(_) => numbered.push(r),
                    None => unnumbered.push(r),
                }
            }
            Err(why) => diags.push(Severity::Warning, at, why),
        }
    }
    (numbered, unnumbered)
}

/// One row: number, name, faction, marks; and a doubt about the name, if any.
fn row(nr: &str, cells: &str, period: Option<u32>) -> Result<(MemberVote, Option<String>), String> {
    let cells: Vec<&str> = cells.split('\t').map(str::trim).collect();
    let name = cells.first().copied().unwrap_or("");
    let faction = cells
        .get(1)
        .and_then(|f| crate::lexicon::faction_named(f, period));
    let marks = cells.get(2..).unwrap_or(&[]);
    let option = option(marks).ok_or_else(|| {
        format!("roll call row {nr} ({name}): no mark under Ja, Nein or Stimmenthaltung")
    })?;
    let party = faction.map(|f| f.party().key.as_str());
    let (mut member, doubt) =
        person(name, period, party).ok_or_else(|| format!("roll call row {nr}: no name"))?;
    member.faction = faction;
    member.fraktionslos = cells
        .get(1)
        .is_some_and(|f| f.eq_ignore_ascii_case("fraktionslos"));
    let number = nr
        .parse()
        .map_err(|_| format!("roll call row {nr}: the row number is out of range"))?;
    let vote = MemberVote {
        number,
        member,
        faction,
        option,
    };
    Ok((
        vote,
        doubt.map(|d| format!("roll call row {nr} ({name}): {d}")),
    ))
}

/// The option a row's mark cells show: the column of its `X`, or the word written across them.
fn option(marks: &[&str]) -> Option<BallotOption> {
    let words = marks
        .iter()
        .flat_map(|c| c.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if let Some(o) = crate::model::BallotOption::written_across(&words) {
        return Some(o);
    }
    // One column of words (`Ja`, `Nein`, `Enthaltung`) rather than marks under three.
    match words.split_whitespace().collect::<Vec<_>>().as_slice() {
        ["ja"] => return Some(BallotOption::Yes),
        ["nein"] => return Some(BallotOption::No),
        [w] if w.starts_with("enthalt") || w.starts_with("stimmenthalt") => {
            return Some(BallotOption::Abstain)
        }
        _ => {}
    }
    let is_mark = |c: &&str| crate::words::is_vote_mark(c);
    match marks.iter().position(is_mark) {
        Some(0) => Some(BallotOption::Yes),
        Some(1) => Some(BallotOption::No),
        Some(2) => Some(BallotOption::Abstain),
        _ if marks.iter().all(|c| c.is_empty()) && !marks.is_empty() => Some(BallotOption::Absent),
        _ => None,
    }
}

/// The member a name cell names (`Frau Dr. Schmidt`, `Herr Müller, Hans`, `Schmidt, Dr. Anna`,
/// `Dr. Anna Schmidt`), resolved to the period's member where exactly one fits; else as
/// printed, with why.
fn person(
    cell: &str,
    period: Option<u32>,
    party: Option<&str>,
) -> Option<(Speaker, Option<String>)> {
    let c = NAME.captures(cell.trim())?;
    let surname = c["surname"].trim();
    if surname.is_empty() {
        return None;
    }
    // Titles printed with the given name (`Schmidt, Dr. Anna`) are titles all the same.
    let given_cell = c.name("given").map_or("", |g| g.as_str());
    let given_titles = TITLES.find(given_cell).map_or("", |m| m.as_str());
    let given = Some(given_cell[given_titles.len()..].trim()).filter(|g| !g.is_empty());
    let titles = format!("{} {given_titles}", &c["titles"]);
    let female = c.name("sal").map(|s| s.as_str() == "Frau");
    let printed = match given {
        Some(g) => format!("{g} {surname}"),
        None => surname.to_owned(),
    };
    // A whole name in one cell (`Anna Schmidt`): the member it names, else a surname of
    // several words (`von Bredow`, `Große Kleimann`).
    let resolved = period.map(|p| {
        given
            .is_none()
            .then(|| members::identify(p, &printed, party))
            .flatten()
            .map_or_else(
                || members::resolve(p, surname, given, female, party),
                Resolution::One,
            )
    });
    let (name, doubt) = match resolved {
        Some(Resolution::One(m)) => (m.name, None),
        Some(Resolution::Ambiguous(names)) => {
            let why = format!("one of {} kept as printed", names.join(", "));
            (printed, Some(why))
        }
        Some(Resolution::NotFound) => (printed, Some("not a member of the period".into())),
        None => (printed, None),
    };
    let mut s = Speaker::named(&name);
    s.honorific = Some(crate::words::collapse(&titles)).filter(|t| !t.is_empty());
    Some((s, doubt))
}

/// A warning where the marks do not sum to the `Ergebnis` row.
fn check(rows: &[MemberVote], totals: Option<(u32, u32, u32)>, at: usize, diags: &mut Diagnostics) {
    let count = |o: BallotOption| rows.iter().filter(|r| r.option == o).count() as u32;
    let marks = (
        count(BallotOption::Yes),
        count(BallotOption::No),
        count(BallotOption::Abstain),
    );
    match totals {
        Some(t) if t != marks => diags.push(
            Severity::Warning,
            at,
            format!(
                "roll call: the rows give {} yes, {} no, {} abstentions; the Ergebnis row {} / {} / {}",
                marks.0, marks.1, marks.2, t.0, t.1, t.2
            ),
        ),
        None if !rows.is_empty() => {
            diags.push(Severity::Warning, at, "roll call: no Ergebnis row")
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Annex> {
        tables(text, Some(16)).0
    }

    #[test]
    fn a_heading_repeated_over_the_next_page_goes_on_with_its_table() {
        let text = "Namentliche Abstimmung über den Antrag Drucksache 16/100\n\
                    1.\tHerr Abel\tGRÜNE\tX\t\t\n2.\tFrau Altenkamp\tSPD\t\tX\t\n\x0c\
                    Namentliche Abstimmung über den Antrag Drucksache 16/100\n\
                    3.\tHerr Bolte\tGRÜNE\tX\t\t\nErgebnis\t\t2\t1\t0\n";
        let found = read(text);
        assert_eq!(found.len(), 1);
        let numbers: Vec<u32> = found[0].rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 2, 3]);
        assert_eq!(found[0].totals, Some((2, 1, 0)));
    }

    #[test]
    fn a_table_printed_column_by_column_is_said_not_silent() {
        let names = "Herr Albers\nHerr Dr. Albrecht\nFrau von Bredow\nHerr Becker, Andreas\n\
                     Frau Dr. ter Horst\nHerr Große Kleimann\n";
        let text = format!(
            "Namentliche Abstimmung zu TOP 3 – Drucksache 15/4711\n\nLfd.\nNr.\n1\n2\n\n\
             Name des Abgeordneten\n\n{names}\nFraktion\nja\n\nCDU\nCDU\n\nX\nX\n"
        );
        let (found, diags) = tables(&text, Some(15));
        assert!(found.is_empty());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].message.contains("column by column"));
        // A contents list's entry with speeches after it (`Herr Präsident!`) is no table.
        let contents = "Namentliche Abstimmung über den Antrag\n\nHerr Präsident!\nHerr Kollege!\n\
                        Frau Präsidentin!\nHerr Minister!\nHerr Präsident! Meine Damen\n";
        assert!(tables(contents, Some(15)).1.is_empty());
    }

    #[test]
    fn names_printed_surname_first_or_whole_resolve_to_the_member() {
        // Dr. Joachim Paul (PIRATEN) and Josefine Paul (GRÜNE) sat in the 16th period.
        let text = "Namentliche Abstimmung über den Antrag Drucksache 16/100\n\
                    1.\tPaul, Dr. Joachim\tPIRATEN\tX\t\t\n\
                    2.\tDr. Joachim Paul\tPIRATEN\t\tX\t\n\
                    3.\tMartin-Sebastian Abel\tGRÜNE\tnicht abgegeben\n\
                    4.\tPaul, Josefine\tGRÜNE\tbeurlaubt\n\
                    Ergebnis\t\t1\t1\t0\n";
        let (found, diags) = tables(text, Some(16));
        assert!(diags.is_empty(), "{diags:?}");
        let rows: Vec<(String, Option<String>, BallotOption)> = found[0]
            .rows
            .iter()
            .map(|r| (r.member.name.clone(), r.member.honorific.clone(), r.option))
            .collect();
        let dr = Some("Dr.".to_owned());
        assert_eq!(
            rows,
            [
                ("Joachim Paul".into(), dr.clone(), BallotOption::Yes),
                ("Joachim Paul".into(), dr, BallotOption::No),
                ("Martin-Sebastian Abel".into(), None, BallotOption::Absent),
                ("Josefine Paul".into(), None, BallotOption::Excused),
            ]
        );
    }

    /// The words written across the vote columns, whole or shortened.
    #[test]
    fn excused_and_absent_in_other_words() {
        for (word, want) in [
            ("entschuldigt", BallotOption::Excused),
            ("entsch.", BallotOption::Excused),
            ("beurlaubt", BallotOption::Excused),
            ("erkrankt", BallotOption::Excused),
            ("Mutterschutz", BallotOption::Excused),
            ("abwesend", BallotOption::Absent),
            ("abw.", BallotOption::Absent),
            ("nicht abgegeben", BallotOption::Absent),
        ] {
            assert_eq!(option(&["", word, ""]), Some(want), "{word}");
        }
        assert_eq!(option(&["X", "", ""]), Some(BallotOption::Yes));
    }

    /// Ticks and crosses of other fonts: `✓`, `☒`, and a Wingdings tick printed without a
    /// character map (`ü`).
    #[test]
    fn a_tick_is_a_mark_as_a_cross_is() {
        for mark in ["✓", "☒", "ü", "\u{f0fc}"] {
            let text = format!(
                "Namentliche Abstimmung über den Antrag Drucksache 16/100\n\
                 1.\tHerr Abel\tGRÜNE\t{mark}\t\t\n2.\tFrau Altenkamp\tSPD\t\t{mark}\t\n\
                 3.\tHerr Bolte\tGRÜNE\t\t\t{mark}\nErgebnis\t\t1\t1\t1\n"
            );
            let options: Vec<BallotOption> = read(&text)[0].rows.iter().map(|r| r.option).collect();
            assert_eq!(
                options,
                [BallotOption::Yes, BallotOption::No, BallotOption::Abstain],
                "{mark}"
            );
        }
    }

    /// Annexes headed otherwise than `Namentliche Abstimmung`: each is read, its paper its own.
    #[test]
    fn annex_headings_in_other_words() {
        for heading in [
            "Abstimmungsliste zur namentlichen Abstimmung über den Gesetzentwurf Drucksache 16/100",
            "Anlage 2: Namentliche Schlussabstimmung über den Gesetzentwurf Drucksache 16/100",
            "Zu TOP 3: Namentliche Abstimmung über den Gesetzentwurf Drucksache 16/100",
            "Endgültiges Ergebnis der namentlichen Abstimmung über Drucksache 16/100",
            "Abstimmungsliste\nGesetzentwurf der Landesregierung Drucksache 16/100",
        ] {
            let text = format!(
                "Damit ist der Gesetzentwurf Drucksache 16/99 angenommen.\n\n{heading}\n\
                 1.\tHerr Abel\tGRÜNE\tX\t\t\n2.\tFrau Altenkamp\tSPD\t\tX\t\n\
                 Ergebnis\t\t1\t1\t0\n"
            );
            let found = read(&text);
            assert_eq!(found.len(), 1, "{heading}");
            assert_eq!(found[0].rows.len(), 2, "{heading}");
            assert_eq!(found[0].subject.map(|p| p.number), Some(100), "{heading}");
        }
    }

    /// The row that sums the table, under any of its labels, is the totals and no member.
    #[test]
    fn the_totals_row_under_other_labels() {
        for label in crate::words::TOTALS_LABELS {
            let text = format!(
                "Namentliche Abstimmung über den Antrag Drucksache 16/100\n\
                 1.\tHerr Abel\tGRÜNE\tX\t\t\n2.\tFrau Altenkamp\tSPD\t\tX\t\n\
                 \t{label}:\t\t1\t1\t0\n"
            );
            let found = read(&text);
            assert_eq!(found[0].rows.len(), 2, "{label}");
            assert_eq!(found[0].totals, Some((1, 1, 0)), "{label}");
        }
    }

    #[test]
    fn a_new_table_starts_again_at_one() {
        let text = "Namentliche Abstimmung über den Antrag Drucksache 16/100\n\
                    1.\tHerr Abel\tGRÜNE\tX\t\t\n\
                    Namentliche Abstimmung über den Antrag Drucksache 16/200\n\
                    1.\tHerr Abel\tGRÜNE\t\tX\t\n";
        let found = read(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].subject.as_ref().map(|p| p.number), Some(200));
    }

    #[test]
    fn rows_without_numbers_are_counted_and_the_totals_row_is_no_member() {
        let text = "Ergebnis der namentlichen Abstimmung über Drucksache 16/300\n\
                    \tAbel, Hans\tCDU\tX\t\t\n\tBolte\tGRÜNE\t\t\tX\n\
                    \tSumme\t\t1\t0\t1\n";
        let found = read(text);
        assert_eq!(found.len(), 1);
        let rows: Vec<(u32, BallotOption)> =
            found[0].rows.iter().map(|r| (r.number, r.option)).collect();
        assert_eq!(rows, [(1, BallotOption::Yes), (2, BallotOption::Abstain)]);
        assert_eq!(found[0].totals, Some((1, 0, 1)));
    }
}
