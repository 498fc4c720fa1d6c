//! Roll-call annexes as the Landtag printed them, read from the PDF through the text layer and
//! the annex reader, against what they say: the shared synthetic annex in the 16th period's
//! layout (`annex-15-61-synthetic.*`, copied from `../shared/corpus/rollcall-sample/`) and the
//! variants of that layout (written by `make_variants.py`), each with a TSV of its rows, in
//! `tests/fixtures/rollcall/`.

use landtag_model::model::BallotOption;
use landtag_parse::rollcall;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

type Row = (u32, String, String, &'static str);

/// `number, surname as printed, faction, option` of each row a TSV lists.
fn expected(tsv: &Path) -> BTreeSet<Row> {
    std::fs::read_to_string(tsv)
        .unwrap_or_else(|e| panic!("{}: {e}", tsv.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let option = match c[3] {
                "ja" => "yes",
                "nein" => "no",
                "Stimmenthaltung" => "abstain",
                "entschuldigt" => "excused",
                "abwesend" => "absent",
                o => panic!("{}: option {o}", tsv.display()),
            };
            (
                c[0].parse().unwrap(),
                surname(c[1]),
                c[2].to_owned(),
                option,
            )
        })
        .collect()
}

/// The surname a name cell prints: `Frau Dr. ter Horst` → `Horst`, `Herr Becker, Andreas` →
/// `Becker`; a resolved member's full name → its last word.
fn surname(name: &str) -> String {
    let name = name.split(',').next().unwrap_or(name);
    name.split_whitespace().last().unwrap_or("").to_owned()
}

/// How an annex reaches the reader: the PDF through the text layer, or the text `pdftotext
/// -layout` prints of it (a journalist's conversion); normalised either way, as the document
/// parser reads it.
#[derive(Debug, Clone, Copy)]
enum Source {
    Pdf,
    Layout,
}

fn text_of(pdf: &Path, source: Source) -> String {
    let bytes = std::fs::read(pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
    let raw = match source {
        Source::Pdf => landtag_text::pdf::text(pdf, &bytes).expect("pdftotext reads the annex"),
        Source::Layout => {
            let out = std::process::Command::new("pdftotext")
                .args(["-layout", &pdf.display().to_string(), "-"])
                .output()
                .expect("pdftotext runs (apt-get install poppler-utils)");
            assert!(out.status.success(), "{}", pdf.display());
            String::from_utf8(out.stdout).unwrap()
        }
    };
    landtag_text::normalize::normalize(&raw).text
}

/// The rows the reader gives for an annex.
fn read(pdf: &Path, period: u32, source: Source) -> (BTreeSet<Row>, Option<(u32, u32, u32)>) {
    let text = text_of(pdf, source);
    let (annexes, _) = rollcall::tables(&text, Some(period));
    assert_eq!(
        annexes.len(),
        1,
        "{} ({source:?}): one roll call",
        pdf.display()
    );
    let a = &annexes[0];
    let rows = a
        .rows
        .iter()
        .map(|r| {
            let printed = r.member.name.as_str();
            let faction = r.faction.map_or("fraktionslos", |f| f.label()).to_owned();
            let option: &'static str = r.option.key();
            (r.number, surname(printed), faction, option)
        })
        .collect();
    (rows, a.totals)
}

fn f1(got: &BTreeSet<Row>, want: &BTreeSet<Row>) -> f64 {
    let hit = got.intersection(want).count() as f64;
    if hit == 0.0 {
        return 0.0;
    }
    let (p, r) = (hit / got.len() as f64, hit / want.len() as f64);
    2.0 * p * r / (p + r)
}

/// Every row of `pdf` as its TSV lists them (F1 ≥ 0.99); the `Ergebnis` row, where printed.
fn check(pdf: &Path, tsv: &Path, period: u32, ergebnis: (u32, u32, u32)) {
    let totals = check_rows(pdf, tsv, period);
    let want = expected(tsv);
    assert_eq!(
        totals,
        Some(ergebnis),
        "{}: the Ergebnis row",
        pdf.display()
    );
    let count = |o: &str| want.iter().filter(|r| r.3 == o).count() as u32;
    assert_eq!(ergebnis, (count("yes"), count("no"), count("abstain")));
    let _ = BallotOption::Yes;
}

/// Every row of `pdf` as its TSV lists them (F1 ≥ 0.99); the totals row read, if any.
/// `check` of the annex `tests/fixtures/rollcall/{name}.pdf` against its `.tsv`.
fn check_fixture(name: &str, period: u32, ergebnis: (u32, u32, u32)) {
    let dir = repo().join("tests/fixtures/rollcall");
    check(
        &dir.join(format!("{name}.pdf")),
        &dir.join(format!("{name}.tsv")),
        period,
        ergebnis,
    );
}

/// Every row of `pdf`, from the PDF and from its `-layout` text, as its TSV lists them (F1 ≥
/// 0.99, the same rows both ways); the totals row read, if any.
fn check_rows(pdf: &Path, tsv: &Path, period: u32) -> Option<(u32, u32, u32)> {
    let want = expected(tsv);
    let mut read_as = [Source::Pdf, Source::Layout].map(|source| {
        let (got, totals) = read(pdf, period, source);
        let score = f1(&got, &want);
        let missing: Vec<_> = want.difference(&got).collect();
        let extra: Vec<_> = got.difference(&want).collect();
        assert!(
            score >= 0.99,
            "{} ({source:?}): F1 {score:.3}; missing {missing:?}; extra {extra:?}",
            pdf.display()
        );
        (got, totals)
    });
    let [(pdf_rows, pdf_totals), (layout_rows, layout_totals)] = &mut read_as;
    assert_eq!(
        pdf_rows,
        layout_rows,
        "{}: PDF and -layout text",
        pdf.display()
    );
    assert_eq!(pdf_totals, layout_totals, "{}: the totals", pdf.display());
    *pdf_totals
}

/// The shared sample: one table a page, `Abstimmung` over the vote columns, lower-case `ja` and
/// `nein`, `Stimm-`/`enthal-`/`tung` down one column, row numbers left of their header, names
/// and factions left of theirs.
#[test]
fn the_16th_period_layout_gives_every_row() {
    // A copy of `../shared/corpus/rollcall-sample/`, so that a clone tests on its own.
    check_fixture("annex-15-61-synthetic", 15, (19, 18, 6));
}

/// No `Lfd.` over the numbers, only `Nr.`; a header of one line in capitals; `x` marks;
/// `fraktionslos` in the faction column; the table goes on over a second page.
#[test]
fn a_header_with_only_nr_gives_every_row() {
    check_fixture("variant-nr-only", 17, (6, 5, 2));
}

/// The 16th period's header with its words set far right of their columns; titles, particles,
/// double names and a given name after a comma.
#[test]
fn header_words_off_their_columns_give_every_row() {
    check_fixture("variant-indented", 18, (4, 3, 1));
}

/// No number column (`Name | Fraktion | Ja | Nein | Enthal-/tung`), the heading `Ergebnis der
/// namentlichen Abstimmung`, names without `Herr`/`Frau`, the table going on over a page with no
/// header, a `Summe` row: every row, numbered by its order.
#[test]
fn a_table_without_numbers_gives_every_row() {
    check_fixture("variant-no-number", 16, (5, 4, 2));
}

/// Columns beside the vote columns for members excused and ballots not cast (`entschuldigt`,
/// `nicht`/`abgegeben`), each with `X` marks: every row, those two options among them.
#[test]
fn columns_for_excused_and_not_cast_give_every_row() {
    check_fixture("variant-more-columns", 18, (4, 2, 1));
}

/// One vote column whose rows say the vote in words (`Stimmabgabe`: `Ja`, `Nein`,
/// `Enthaltung`, `entschuldigt`, `nicht abgegeben`), the totals in a line of words: every row.
#[test]
fn one_column_of_words_gives_every_row() {
    check_fixture("variant-word-column", 16, (3, 2, 1));
}
