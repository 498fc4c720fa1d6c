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

static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^Namentliche\s+Abstimmung\b").unwrap());
static ROW: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\s*(?P<nr>\d{1,3})\.?\t(?P<cells>[^\n]*)$").unwrap());
static RESULT_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*Ergebnis\b[^\n\d]*\t\s*(?P<y>\d+)\s*\t\s*(?P<n>\d+)\s*\t\s*(?P<a>\d+)")
        .unwrap()
});
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<sal>Herrn?|Frau)?\s*(?P<titles>(?:(?:Prof\.|Dr\.(?:\s?h\.\s?c\.)?|Dr\.-Ing\.)\s*)*)(?P<surname>[^,]+?)\s*(?:,\s*(?P<given>.+))?$").unwrap()
});

/// The roll-call tables in `text`, with what reading them found amiss (for callers outside
/// the document parser, the fuzz target among them).
pub fn tables(text: &str, period: Option<u32>) -> (Vec<Annex>, Vec<super::Diagnostic>) {
    let mut diags = Diagnostics::new(text);
    let found = annexes(text, 0, period, &mut diags);
    (found, diags.list)
}

/// The roll-call tables after `from`, each from its `Namentliche Abstimmung` heading; a heading
/// with no rows under it (a contents list's entry) is none.
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
    let mut out = Vec::new();
    for (i, start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        let region = &text[*start..end];
        let head_end = region.find('\t').unwrap_or(region.len());
        let subject = refs::papers(&region[..head_end])
            .into_iter()
            .map(|(_, r)| r)
            .next();
        let mut rows = Vec::new();
        for c in ROW.captures_iter(region) {
            let at = start + c.get(0).unwrap().start();
            match row(&c["nr"], &c["cells"], period) {
                Ok((r, doubt)) => {
                    if let Some(d) = doubt {
                        diags.push(Severity::Warning, at, d);
                    }
                    rows.push(r);
                }
                Err(why) => diags.push(Severity::Warning, at, why),
            }
        }
        let totals = RESULT_ROW.captures(region).and_then(|c| {
            Some((
                c["y"].parse().ok()?,
                c["n"].parse().ok()?,
                c["a"].parse().ok()?,
            ))
        });
        if rows.is_empty() {
            continue;
        }
        check(&rows, totals, *start, diags);
        out.push(Annex {
            subject,
            rows,
            totals,
        });
    }
    out
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
    let (mut member, doubt) =
        person(name, period).ok_or_else(|| format!("roll call row {nr}: no name"))?;
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
    let words = marks.join(" ").to_lowercase();
    if words.contains("entschuldigt") {
        return Some(BallotOption::Excused);
    }
    if words.contains("abwesend") {
        return Some(BallotOption::Absent);
    }
    let is_mark = |c: &&str| matches!(c.trim(), "X" | "x" | "×");
    match marks.iter().position(is_mark) {
        Some(0) => Some(BallotOption::Yes),
        Some(1) => Some(BallotOption::No),
        Some(2) => Some(BallotOption::Abstain),
        _ if marks.iter().all(|c| c.is_empty()) && !marks.is_empty() => Some(BallotOption::Absent),
        _ => None,
    }
}

/// The member a name cell names (`Frau Dr. Schmidt`, `Herr Müller, Hans`), resolved to the
/// period's member where exactly one fits; else as printed, with why.
fn person(cell: &str, period: Option<u32>) -> Option<(Speaker, Option<String>)> {
    let c = NAME.captures(cell.trim())?;
    let surname = c["surname"].trim();
    if surname.is_empty() {
        return None;
    }
    let given = c.name("given").map(|g| g.as_str().trim());
    let female = c.name("sal").map(|s| s.as_str() == "Frau");
    let printed = match given {
        Some(g) => format!("{g} {surname}"),
        None => surname.to_owned(),
    };
    let (name, doubt) = match period.map(|p| members::resolve(p, surname, given, female)) {
        Some(Resolution::One(m)) => (m.name, None),
        Some(Resolution::Ambiguous(names)) => {
            let why = format!("one of {} kept as printed", names.join(", "));
            (printed, Some(why))
        }
        Some(Resolution::NotFound) => (printed, Some("not a member of the period".into())),
        None => (printed, None),
    };
    let mut s = Speaker::named(&name);
    s.honorific = Some(c["titles"].trim().to_owned()).filter(|t| !t.is_empty());
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
