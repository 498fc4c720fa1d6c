//! A roll call's annex table, read from word boxes: `Lfd. Nr. | Name des Abgeordneten |
//! Fraktion | Ja | Nein | Stimmenthaltung`, one or two tables side by side on a page. Each row
//! becomes one line, its six cells separated by tabs, an empty cell where a column is blank, so
//! that the parser can tell an `X` under `Ja` from one under `Nein` (plain text loses that).
//! Anything above the tables (running head, the annex's heading) is read in reading order first.

use super::{reading_order, Page, Word};

/// The columns of one table, by x position.
#[derive(Debug, Clone, Copy)]
pub(super) struct Columns {
    left: f64,
    right: f64,
    name: f64,
    faction: f64,
    /// Centres of the three mark columns: Ja, Nein, Stimmenthaltung.
    marks: [f64; 3],
    /// Centres of columns for members excused and for ballots not cast (`entschuldigt`,
    /// `nicht abgegeben`), infinitely far where the table has none: a mark there is written as
    /// the column's word.
    others: [f64; 2],
    /// Where the table starts (its header; on a continued page, its first row).
    head: f64,
    /// Below the header: where rows begin.
    top: f64,
    /// Whether a number column (`Lfd. Nr.`) stands left of the names.
    numbered: bool,
}

/// The page as text with its roll-call tables row by row, and their columns; `None` where it
/// holds none. A page without a header goes on with the tables of the page `before` it, where
/// its lines are rows (a number, then `Herr` or `Frau`).
pub(super) fn roll_call(page: &Page, before: &[Columns]) -> Option<(String, Vec<Columns>)> {
    let found = read(page, before)?;
    let above = Page {
        width: page.width,
        height: page.height,
        blocks: page
            .blocks
            .iter()
            .filter(|b| b.y_max < found.top)
            .cloned()
            .collect(),
        words: Vec::new(),
    };
    let mut out = reading_order(&above);
    for row in &found.rows {
        out.push('\n');
        out.push_str(row);
    }
    Some((out, found.tables))
}

/// A page's roll-call tables: where the first begins, their rows (six cells parted by tabs) and
/// their columns.
pub(super) struct Found {
    pub(super) top: f64,
    pub(super) rows: Vec<String>,
    pub(super) tables: Vec<Columns>,
}

/// The roll-call tables of a page, headed or going on from the page `before`; `None` where it
/// holds none.
pub(super) fn read(page: &Page, before: &[Columns]) -> Option<Found> {
    let mut anchors = header_anchors(page, |t| t.to_lowercase().starts_with("lfd"));
    if anchors.is_empty() {
        anchors = header_anchors(page, |t| matches!(t, "Nr." | "Nr" | "Nummer"));
    }
    // A table without a number column: its `Name` (`Abgeordnete`) header anchors it.
    let numbered = !anchors.is_empty();
    if !numbered {
        anchors = header_anchors(page, |t| {
            t.trim_end_matches([',', ':']) == "Name" || t.starts_with("Abgeordnete")
        });
    }
    anchors.sort_by(|a, b| a.x_min.total_cmp(&b.x_min));
    let tables: Vec<Columns> = if anchors.is_empty() {
        continued(page, before)
    } else {
        let headed: Vec<Columns> = anchors
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                let right = anchors.get(i + 1).map_or(page.width, |n| n.x_min - 2.0);
                if numbered {
                    columns(page, a, right)
                } else {
                    unnumbered_columns(page, a, right)
                }
            })
            .collect();
        beside(page, headed)
    };
    if tables.is_empty() {
        return None;
    }
    let top = tables.iter().map(|t| t.head).fold(f64::INFINITY, f64::min);
    let rows = tables.iter().flat_map(|t| rows(page, t)).collect();
    Some(Found { top, rows, tables })
}

/// The tables of the page before as they stand on a page whose grid is its own (`pdftotext
/// -layout` sets each page's characters on a grid of its own, not in proportion to the page
/// before, nor evenly across a page): tables side by side parted where their row numbers
/// stand; in each, the vote columns where its marks stand, in order, when they stand in as
/// many columns as the table has (else where its totals row's numbers stand); number, name and
/// faction from the runs of the marked rows' words. None where that leaves anything open (a
/// page without abstentions): rows read in the wrong column would be worse than rows the roll
/// call's checks miss.
pub(super) fn regridded(page: &Page, before: &[Columns]) -> Vec<Columns> {
    let bounds: Vec<(f64, f64)> = if before.is_empty() {
        return Vec::new();
    } else if let [_] = before {
        vec![(0.0, page.width)]
    } else if before.iter().all(|t| t.numbered) {
        let starts = runs_of(row_numbers(page).map(|w| w.x_min).collect());
        if starts.len() != before.len() {
            return Vec::new();
        }
        let ends = starts.iter().skip(1).map(|s| s - 2.0).chain([page.width]);
        starts.iter().map(|s| s - 2.0).zip(ends).collect()
    } else {
        return Vec::new();
    };
    before
        .iter()
        .zip(bounds)
        .map(|(t, (from, to))| regrid(page, t, from, to))
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default()
}

/// The x positions, sorted, with those closer than a character's width merged: the columns
/// they stand in.
fn runs_of(mut xs: Vec<f64>) -> Vec<f64> {
    xs.sort_by(f64::total_cmp);
    let mut columns: Vec<f64> = Vec::new();
    for x in xs {
        match columns.last() {
            Some(last) if x - last < 8.0 => {}
            _ => columns.push(x),
        }
    }
    columns
}

/// One table of the page before, on this page between `from` and `to`.
fn regrid(page: &Page, t: &Columns, from: f64, to: f64) -> Option<Columns> {
    let wanted = 3 + t.others.iter().filter(|o| o.is_finite()).count();
    let inside: Vec<&Word> = page
        .words
        .iter()
        .filter(|w| w.x_min >= from && w.x_min < to)
        .collect();
    let lines_of = |pred: &dyn Fn(&str) -> bool| -> Vec<f64> {
        inside
            .iter()
            .filter(|w| pred(&w.text))
            .map(|w| w.y_min)
            .collect()
    };
    let rows = lines_of(&|t| landtag_model::words::is_vote_mark(t) || is_across(t));
    let totals =
        lines_of(&|t| landtag_model::words::TOTALS_LABELS.contains(&t.trim_end_matches(':')));
    let on = |ys: &[f64], w: &Word| ys.iter().any(|y| (w.y_min - y).abs() < 2.0);
    let centre = |w: &&Word| (w.x_min + w.x_max) / 2.0;
    let marks = runs_of(
        inside
            .iter()
            .filter(|w| landtag_model::words::is_vote_mark(&w.text) && on(&rows, w))
            .map(centre)
            .collect(),
    );
    let summed = || {
        let numbers = inside
            .iter()
            .filter(|w| is_number(&w.text) && on(&totals, w));
        runs_of(numbers.map(centre).collect())
    };
    let columns = Some(marks)
        .filter(|m| m.len() == wanted)
        .or_else(|| Some(summed()).filter(|m| m.len() == wanted))?;
    let first_mark = columns[0] - (columns[1] - columns[0]) / 2.0;
    let body = inside
        .iter()
        .copied()
        .filter(|w| on(&rows, w) && w.x_max < first_mark);
    let runs = occupied(body);
    let at = usize::from(t.numbered);
    let (name, faction) = (runs.get(at)?, runs.get(at + 1)?);
    let mut others = t.others;
    for (o, c) in others
        .iter_mut()
        .filter(|o| o.is_finite())
        .zip(&columns[3..])
    {
        *o = *c;
    }
    Some(Columns {
        left: runs[0].0 - 2.0,
        right: to,
        name: name.0,
        faction: faction.0,
        marks: [columns[0], columns[1], columns[2]],
        others,
        ..*t
    })
}

/// Rows standing beside the headed tables with no header of their own (one header over a
/// page of two columns): a table like the last one, shifted to where their numbers stand.
fn beside(page: &Page, mut tables: Vec<Columns>) -> Vec<Columns> {
    let Some(last) = tables.last().copied() else {
        return tables;
    };
    let orphan = row_numbers(page)
        .filter(|w| w.x_min > last.marks[2] + 4.0 && w.y_min > last.top)
        .map(|w| w.x_min)
        .fold(f64::INFINITY, f64::min);
    if orphan.is_finite() {
        let dx = orphan - last.left - 2.0;
        if let Some(t) = tables.last_mut() {
            t.right = orphan - 2.0;
        }
        tables.push(Columns {
            left: last.left + dx,
            right: last.right.max(orphan) + dx,
            name: last.name + dx,
            faction: last.faction + dx,
            marks: last.marks.map(|m| m + dx),
            others: last.others.map(|m| m + dx),
            ..last
        });
    }
    tables
}

/// Words that number a row: a number with `Herr` or `Frau` after it on its line.
fn row_numbers(page: &Page) -> impl Iterator<Item = &Word> {
    page.words.iter().filter(|n| {
        is_number(&n.text)
            && page.words.iter().any(|w| {
                (w.y_min - n.y_min).abs() < 2.0
                    && w.x_min > n.x_max
                    && w.x_min < n.x_max + 40.0
                    && matches!(w.text.as_str(), "Herr" | "Herrn" | "Frau")
            })
    })
}

/// The tables of the page before, where this page's lines are their rows.
fn continued(page: &Page, before: &[Columns]) -> Vec<Columns> {
    before
        .iter()
        .filter_map(|t| {
            let first = if t.numbered {
                row_numbers(page)
                    .filter(|w| w.x_min >= t.left && w.x_min < t.name - 2.0)
                    .map(|w| w.y_min)
                    .fold(f64::INFINITY, f64::min)
            } else {
                first_marked_row(page, t, f64::NEG_INFINITY) + 0.5
            };
            first.is_finite().then_some(Columns {
                head: first - 0.5,
                top: first - 0.5,
                ..*t
            })
        })
        .collect()
}

fn is_number(t: &str) -> bool {
    let t = t.trim_end_matches('.');
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

/// The words that head a table's number column (`Lfd.`, else `Nr.`), where `ja` and `nein`
/// stand in the header lines beside them: in running text `Nr.` heads nothing.
fn header_anchors(page: &Page, is_anchor: impl Fn(&str) -> bool) -> Vec<&Word> {
    page.words
        .iter()
        .filter(|a| is_anchor(&a.text))
        .filter(|a| {
            let near_by = |is: &dyn Fn(&str) -> bool| {
                page.words.iter().any(|w| {
                    is(&w.text) && w.x_min > a.x_max && (w.y_min - a.y_min).abs() <= HEADER_HEIGHT
                })
            };
            let near = |t: &str| near_by(&|w: &str| w.eq_ignore_ascii_case(t));
            (near_by(&is_yes_head) && near_by(&is_no_head))
                || (VOTE_COLUMN.iter().any(|h| near(h)) && near("Fraktion") && near("Name"))
        })
        .collect()
}

/// How far below its first line a table's header may reach (three lines: `Stimm-`/`enthal-`/
/// `tung`), in points.
const HEADER_HEIGHT: f64 = 40.0;

/// How far left of its `Lfd.` header a table's row numbers may stand (they are set flush left,
/// the header centred over them), in points.
const NUMBER_SLACK: f64 = 30.0;

/// The columns of the table whose `Lfd.` header word is `anchor`, if its header names the vote
/// columns. The mark columns are the header's `ja`, `nein` and `Stimm-`/`Enthaltung` words (any
/// case, one line or hyphenated over three); where number, name and faction begin is read from
/// the rows themselves, by the gaps between them, since the header's words are set centred or
/// indented over their columns.
fn columns(page: &Page, anchor: &Word, right: f64) -> Option<Columns> {
    let number_left = anchor.x_min - NUMBER_SLACK;
    let numbers: Vec<&Word> = page
        .words
        .iter()
        .filter(|w| {
            w.y_min > anchor.y_max && w.x_min >= number_left && w.x_min < anchor.x_max + 2.0
        })
        .filter(|w| is_number(&w.text))
        .collect();
    let first_row = numbers
        .iter()
        .map(|w| w.y_min)
        .fold(f64::INFINITY, f64::min);
    let left = numbers.iter().map(|w| w.x_min).fold(anchor.x_min, f64::min) - 2.0;
    let inside = |w: &&Word| w.x_min >= left && w.x_max <= right + 2.0;
    let header: Vec<&Word> = page
        .words
        .iter()
        .filter(inside)
        .filter(|w| w.y_min >= anchor.y_min - 4.0 && w.y_min < first_row - 0.5)
        .collect();
    let find = |pred: &dyn Fn(&str) -> bool| header.iter().find(|w| pred(&w.text)).copied();
    let centre = |w: &Word| (w.x_min + w.x_max) / 2.0;
    let marks = mark_heads(&header)?;
    let others = other_heads(&header);
    let top = first_row - 0.5;
    let first_mark = marks[0] - (marks[1] - marks[0]) / 2.0;
    let body = page
        .words
        .iter()
        .filter(|w| w.x_min >= left && w.x_max < first_mark && w.y_min > top);
    let runs = occupied(body);
    let header_x = |p: &dyn Fn(&str) -> bool| find(p).map(|w| w.x_min);
    // Names begin with the first run after the numbers; factions with the run under the
    // `Fraktion` header (the one holding its centre, else the one starting nearest to it).
    let name = runs
        .get(1)
        .map(|r| r.0)
        .or_else(|| header_x(&|t| t.starts_with("Name") || t.starts_with("Abgeordnete")))?;
    let head = find(&|t| t.starts_with("Fraktion"))?;
    let faction = runs
        .iter()
        .skip(2)
        .find(|r| r.0 <= centre(head) && centre(head) <= r.1)
        .or_else(|| {
            runs.iter().skip(2).min_by(|a, b| {
                (a.0 - head.x_min)
                    .abs()
                    .total_cmp(&(b.0 - head.x_min).abs())
            })
        })
        .map_or(head.x_min, |r| r.0);
    Some(Columns {
        left,
        right,
        name,
        faction,
        marks,
        others,
        head: anchor.y_min,
        top,
        numbered: true,
    })
}

/// How the yes column's header reads: `ja` in any case, or said otherwise.
const YES_HEADS: [&str; 7] = [
    "ja",
    "ja-stimme",
    "ja-stimmen",
    "jastimme",
    "jastimmen",
    "zustimmung",
    "dafür",
];
/// How the no column's header reads: `nein`, or said otherwise.
const NO_HEADS: [&str; 7] = [
    "nein",
    "nein-stimme",
    "nein-stimmen",
    "neinstimme",
    "neinstimmen",
    "ablehnung",
    "dagegen",
];

fn is_yes_head(t: &str) -> bool {
    is_head(t, &YES_HEADS)
}

fn is_no_head(t: &str) -> bool {
    is_head(t, &NO_HEADS)
}

/// Whether a header word is one of `heads`, in any case, a colon or full stop after it.
fn is_head(t: &str, heads: &[&str]) -> bool {
    heads.contains(&t.to_lowercase().trim_end_matches([':', '.']))
}

/// Centres of the vote columns from their header words: `ja`, `nein` and the first word of
/// `Stimmenthaltung` (`Stimm-`, `Enthal-`, `Enthaltung`; any case).
fn mark_heads(header: &[&Word]) -> Option<[f64; 3]> {
    let find = |pred: &dyn Fn(&str) -> bool| header.iter().find(|w| pred(&w.text)).copied();
    let centre = |w: &Word| (w.x_min + w.x_max) / 2.0;
    // One column whose rows say the vote in words (`Stimmabgabe`: `Ja`, `Nein`, …).
    let single = find(&|t| VOTE_COLUMN.iter().any(|h| t.eq_ignore_ascii_case(h)));
    if let (Some(w), None) = (single, find(&is_yes_head)) {
        // Its words start under the header's start: the column reaches a little left of it.
        return Some([w.x_min - 2.0, centre(w), w.x_max + 2.0]);
    }
    let yes = find(&is_yes_head)?;
    let no = find(&is_no_head)?;
    let abstain = find(&|t| {
        let t = t.to_lowercase();
        t.starts_with("stimm") || t.starts_with("enth")
    })?;
    Some([centre(yes), centre(no), centre(abstain)])
}

/// Centres of the columns beside the vote columns for members excused (`entschuldigt`,
/// `beurlaubt`) and ballots not cast (`nicht abgegeben`, `abwesend`, `unbeteiligt`), from their
/// header words; infinitely far where there is none.
fn other_heads(header: &[&Word]) -> [f64; 2] {
    let at = |pred: &dyn Fn(&str) -> bool| {
        header
            .iter()
            .find(|w| pred(&w.text.to_lowercase()))
            .map_or(f64::INFINITY, |w| (w.x_min + w.x_max) / 2.0)
    };
    [
        at(&|t| t.starts_with("entsch") || t.starts_with("beurl")),
        at(&|t| t == "nicht" || t.starts_with("abwes") || t.starts_with("unbeteil")),
    ]
}

/// What a mark in one of the other columns says, as the annex reader reads words.
const OTHER_WORDS: [&str; 2] = ["entschuldigt", "nicht abgegeben"];

/// Headers of one vote column whose rows say the vote in words.
const VOTE_COLUMN: [&str; 2] = ["Stimmabgabe", "Abstimmungsverhalten"];

/// How far left of its `Name` header a table's names may begin, in points.
const NAME_SLACK: f64 = 40.0;

/// A mark in a vote column, or a word written across the vote columns.
fn is_mark(t: &str) -> bool {
    let lower = t.to_lowercase();
    landtag_model::words::is_vote_mark(t)
        || is_across(t)
        || lower == "ja"
        || lower == "nein"
        || lower.starts_with("enthalt")
}

fn is_across(t: &str) -> bool {
    landtag_model::model::BallotOption::written_across(&t.to_lowercase()).is_some()
}

/// Where the first row of a table without numbers stands: the first line below `below` with a
/// mark under a vote column (or `entschuldigt` across them), a little above its words.
fn first_marked_row(page: &Page, t: &Columns, below: f64) -> f64 {
    let first_mark = t.marks[0] - (t.marks[1] - t.marks[0]) / 2.0;
    page.words
        .iter()
        .filter(|w| w.y_min > below && w.x_max <= t.right + 2.0)
        .filter(|w| {
            let centre = (w.x_min + w.x_max) / 2.0;
            let under = t.marks.iter().any(|m| (centre - m).abs() < 10.0);
            (under && is_mark(&w.text)) || (is_across(&w.text) && w.x_max > first_mark)
        })
        .map(|w| w.y_min - 2.5)
        .fold(f64::INFINITY, f64::min)
}

/// The columns of a table without a number column, anchored at its `Name` header word: the
/// vote columns from the header words beside it, rows from the first line with a mark, names
/// and factions from the runs of the rows' words (as in [`columns`]).
fn unnumbered_columns(page: &Page, anchor: &Word, right: f64) -> Option<Columns> {
    let zone: Vec<&Word> = page
        .words
        .iter()
        .filter(|w| (w.y_min - anchor.y_min).abs() <= HEADER_HEIGHT && w.x_max <= right + 2.0)
        .filter(|w| w.x_min >= anchor.x_min - NAME_SLACK)
        .collect();
    let marks = mark_heads(&zone)?;
    let head = zone.iter().find(|w| w.text.starts_with("Fraktion"))?;
    let mut t = Columns {
        left: anchor.x_min - NAME_SLACK,
        right,
        name: anchor.x_min,
        faction: head.x_min,
        marks,
        others: other_heads(&zone),
        head: anchor.y_min,
        top: 0.0,
        numbered: false,
    };
    t.top = first_marked_row(page, &t, anchor.y_max);
    if !t.top.is_finite() {
        return None;
    }
    let first_mark = marks[0] - (marks[1] - marks[0]) / 2.0;
    let body: Vec<&Word> = page
        .words
        .iter()
        .filter(|w| w.x_min >= t.left && w.x_max < first_mark && w.y_min > t.top)
        .collect();
    let mut runs = occupied(body.iter().copied());
    // Numbers under no header of their own (`1.`, `2.` …) are a number column all the same.
    let numbers = runs.first().is_some_and(|r| {
        body.iter()
            .filter(|w| w.x_min >= r.0 && w.x_max <= r.1)
            .all(|w| is_number(&w.text))
    });
    let left = runs.first().map_or(anchor.x_min, |r| r.0) - 2.0;
    if numbers {
        runs.remove(0);
    }
    let centre = (head.x_min + head.x_max) / 2.0;
    t.name = runs.first().map_or(anchor.x_min, |r| r.0);
    t.faction = runs
        .iter()
        .skip(1)
        .find(|r| r.0 <= centre && centre <= r.1)
        .or_else(|| {
            let off = |r: &(f64, f64)| (r.0 - head.x_min).abs();
            runs.iter().skip(1).min_by(|a, b| off(a).total_cmp(&off(b)))
        })
        .map_or(head.x_min, |r| r.0);
    t.left = if numbers { left } else { t.name - 2.0 };
    Some(t)
}

/// The runs of x positions the words cover, left to right, touching runs merged: in a table's
/// body, its columns (number, name, faction), however long a name is in one row.
fn occupied<'w>(words: impl Iterator<Item = &'w Word>) -> Vec<(f64, f64)> {
    let mut spans: Vec<(f64, f64)> = words.map(|w| (w.x_min, w.x_max)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut runs: Vec<(f64, f64)> = Vec::new();
    for (a, b) in spans {
        match runs.last_mut() {
            // A space between two words of a name is narrower than this.
            Some(last) if a <= last.1 + 6.0 => last.1 = last.1.max(b),
            _ => runs.push((a, b)),
        }
    }
    runs
}

/// The table's rows below its header, each as tab-separated cells; a name wrapped onto a
/// second line joins its row.
fn rows(page: &Page, t: &Columns) -> Vec<String> {
    let mut words: Vec<&Word> = page
        .words
        .iter()
        .filter(|w| w.x_min >= t.left && w.x_min < t.right && w.y_min > t.top)
        .collect();
    words.sort_by(|a, b| {
        a.y_min
            .total_cmp(&b.y_min)
            .then(a.x_min.total_cmp(&b.x_min))
    });
    let mut lines: Vec<Line> = Vec::new();
    let mut row: Vec<&Word> = Vec::new();
    for w in words {
        let same_line = row
            .first()
            .is_some_and(|f| (w.y_min - f.y_min).abs() < (f.y_max - f.y_min).max(1.0) * 0.6);
        if !same_line && !row.is_empty() {
            lines.push(Line::of(&row, t));
            row.clear();
        }
        row.push(w);
    }
    if !row.is_empty() {
        lines.push(Line::of(&row, t));
    }
    joined(lines)
        .into_iter()
        .map(|l| l.cells.join("\t"))
        .collect()
}

/// One line of a table: its cells, where it stands and how high its words are.
struct Line {
    cells: [String; 6],
    y: f64,
    height: f64,
}

impl Line {
    fn of(words: &[&Word], t: &Columns) -> Line {
        Line {
            cells: cells(words, t),
            y: words.iter().map(|w| w.y_min).fold(f64::INFINITY, f64::min),
            height: words.iter().map(|w| w.y_max - w.y_min).fold(0.0, f64::max),
        }
    }

    /// Words in the name column and nowhere else.
    fn only_name(&self) -> bool {
        self.cells
            .iter()
            .enumerate()
            .all(|(i, c)| (i == 1) != c.is_empty())
    }

    /// Words in the name or faction column (`DIE GRÜNEN` under `BÜNDNIS 90/`) and nowhere else.
    fn goes_on(&self) -> bool {
        let [number, name, faction, marks @ ..] = &self.cells;
        number.is_empty()
            && marks.iter().all(String::is_empty)
            && !(name.is_empty() && faction.is_empty())
    }

    /// A number, a faction or a mark, and no name.
    fn nameless(&self) -> bool {
        self.cells[1].is_empty() && self.cells.iter().any(|c| !c.is_empty())
    }

    /// Whether `below` stands no further below than a line of text (a paragraph under the
    /// table stands further off).
    fn near(&self, below: &Line) -> bool {
        below.y - self.y < 1.5 * self.height.max(below.height)
    }

    /// The name and faction cells go on with those of the line below.
    fn go_on_with(&mut self, below: &Line) {
        for i in [1, 2] {
            let (cell, more) = (&mut self.cells[i], &below.cells[i]);
            if !cell.is_empty() && !more.is_empty() && !cell.ends_with(['-', '/']) {
                cell.push(' ');
            }
            cell.push_str(more);
        }
        self.y = below.y;
    }
}

/// A row's name (or faction) broken over lines of its own, joined to its row: below the row's
/// first line (`Frau Dr. von der Heyden-` / `Maaß, Anna`; `BÜNDNIS 90/` / `DIE GRÜNEN`), or
/// around a row whose number, faction and mark stand in the middle of its two lines
/// (`Frau Dr. von der` / `12 … X` / `Heyden-Maaß`).
fn joined(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut held: Option<Line> = None;
    let mut lines = lines.into_iter().peekable();
    while let Some(mut line) = lines.next() {
        if line.only_name() && lines.peek().is_some_and(|n| n.nameless() && line.near(n)) {
            held = Some(line);
            continue;
        }
        if line.goes_on() {
            if let Some(prev) = out.last_mut() {
                if prev.near(&line) && !prev.cells[0].is_empty() {
                    prev.go_on_with(&line);
                    continue;
                }
            }
        } else if let Some(above) = held.take() {
            line.cells[1] = above.cells[1].clone();
        }
        out.push(line);
    }
    out.extend(held);
    out
}

/// One row's words into six cells by column.
fn cells(row: &[&Word], t: &Columns) -> [String; 6] {
    let mut cells: [Vec<&str>; 6] = Default::default();
    let first_mark = t.marks[0] - (t.marks[1] - t.marks[0]) / 2.0;
    let mut sorted = row.to_vec();
    sorted.sort_by(|a, b| a.x_min.total_cmp(&b.x_min));
    for w in sorted {
        let centre = (w.x_min + w.x_max) / 2.0;
        let col = if w.x_min < t.name - 2.0 {
            0
        } else if w.x_min < t.faction - 2.0 {
            1
        } else if centre < first_mark {
            2
        } else {
            let at = |i: usize| t.marks.get(i).copied().unwrap_or_else(|| t.others[i - 3]);
            let nearest = (0..5)
                .min_by(|a, b| (centre - at(*a)).abs().total_cmp(&(centre - at(*b)).abs()))
                .unwrap_or(0);
            if nearest >= 3 {
                // A mark under `entschuldigt` or `nicht abgegeben`: that word.
                let word = if landtag_model::words::is_vote_mark(&w.text) {
                    OTHER_WORDS[nearest - 3]
                } else {
                    w.text.as_str()
                };
                cells[3].push(word);
                continue;
            }
            3 + nearest
        };
        cells[col].push(&w.text);
    }
    cells.map(|c| c.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows `roll_call` writes of a page of `words` (one table at least), blank lines left
    /// out.
    fn rows_of(words: Vec<Word>, width: f64) -> Vec<String> {
        let page = Page {
            width,
            height: 800.0,
            blocks: Vec::new(),
            words,
        };
        let (text, _) = roll_call(&page, &[]).expect("a table");
        text.lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    fn word(x: f64, y: f64, text: &str) -> Word {
        Word {
            x_min: x,
            y_min: y,
            x_max: x + 6.0 * text.chars().count() as f64,
            y_max: y + 9.0,
            text: text.to_owned(),
        }
    }

    /// Crosses, ticks, and a Wingdings tick without a character map (`ü`, U+F0FC) alike.
    #[test]
    fn rows_keep_the_column_of_their_mark() {
        for mark in ["X", "✓", "☒", "ü", "\u{f0fc}"] {
            rows_keep_the_column_of(mark);
        }
    }

    fn rows_keep_the_column_of(mark: &str) {
        let mut words = vec![
            word(40.0, 100.0, "Lfd."),
            word(70.0, 100.0, "Name"),
            word(100.0, 100.0, "des"),
            word(125.0, 100.0, "Abgeordneten"),
            word(190.0, 100.0, "Fraktion"),
            word(240.0, 100.0, "Ja"),
            word(262.0, 100.0, "Nein"),
            word(290.0, 100.0, "Stimm-"),
            word(40.0, 110.0, "Nr."),
            word(290.0, 110.0, "enthaltung"),
        ];
        for (i, (name, f, x)) in [
            ("Frau Altenkamp", "SPD", Some(243.0)),
            ("Herr Müller, Hans", "CDU", Some(268.0)),
            ("Herr Dr. Droste", "CDU", None),
        ]
        .iter()
        .enumerate()
        {
            let y = 130.0 + 12.0 * i as f64;
            words.push(word(40.0, y, &format!("{}.", i + 1)));
            for (j, part) in name.split(' ').enumerate() {
                words.push(word(70.0 + 35.0 * j as f64, y, part));
            }
            words.push(word(190.0, y, f));
            match x {
                Some(x) => words.push(word(*x, y, mark)),
                None => words.push(word(250.0, y, "entschuldigt")),
            }
        }
        let page = Page {
            width: 400.0,
            height: 800.0,
            blocks: Vec::new(),
            words,
        };
        let (text, tables) = roll_call(&page, &[]).unwrap();
        assert_eq!(tables.len(), 1);
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], format!("1.\tFrau Altenkamp\tSPD\t{mark}\t\t"));
        assert_eq!(lines[1], format!("2.\tHerr Müller, Hans\tCDU\t\t{mark}\t"));
        assert!(
            lines[2].starts_with("3.\tHerr Dr. Droste\tCDU\t") && lines[2].contains("entschuldigt")
        );
    }

    /// A name too long for its cell goes on on a line of its own: below the row's first line
    /// where the cells stand at the top of the row, around the row's number and mark where
    /// they stand in its middle.
    #[test]
    fn a_name_broken_over_two_lines_stays_with_its_row() {
        for middle in [false, true] {
            let mut words = vec![
                word(40.0, 100.0, "Lfd."),
                word(70.0, 100.0, "Name"),
                word(190.0, 100.0, "Fraktion"),
                word(240.0, 100.0, "Ja"),
                word(262.0, 100.0, "Nein"),
                word(290.0, 100.0, "Enthaltung"),
            ];
            let mut push = |x: f64, y: f64, text: &str| words.push(word(x, y, text));
            push(40.0, 130.0, "1.");
            push(70.0, 130.0, "Herr");
            push(100.0, 130.0, "Abel");
            push(190.0, 130.0, "GRÜNE");
            push(243.0, 130.0, "X");
            // Row 2, two lines high: 142 and 154; its other cells at 142, or at 148.
            let cells_at = if middle { 148.0 } else { 142.0 };
            push(70.0, 142.0, "Frau");
            push(100.0, 142.0, "Dr.");
            push(120.0, 142.0, "von");
            push(140.0, 142.0, "der");
            push(70.0, 154.0, "Heyden-Maaß");
            push(40.0, cells_at, "2.");
            push(190.0, cells_at, "CDU");
            push(268.0, cells_at, "X");
            push(40.0, 166.0, "3.");
            push(70.0, 166.0, "Herr");
            push(100.0, 166.0, "Bolte");
            push(190.0, 166.0, "BÜNDNIS");
            push(215.0, 166.0, "90/");
            push(190.0, 178.0, "DIE");
            push(210.0, 178.0, "GRÜNEN");
            push(295.0, 166.0, "X");
            let lines = rows_of(words, 400.0);
            assert_eq!(
                lines,
                [
                    "1.\tHerr Abel\tGRÜNE\tX\t\t",
                    "2.\tFrau Dr. von der Heyden-Maaß\tCDU\t\tX\t",
                    "3.\tHerr Bolte\tBÜNDNIS 90/DIE GRÜNEN\t\t\tX",
                ],
                "cells in the middle of their row: {middle}"
            );
        }
    }

    /// The vote columns headed in other words than `Ja` and `Nein`.
    #[test]
    fn vote_columns_headed_in_other_words() {
        for (yes, no) in [
            ("Ja-Stimme", "Nein-Stimme"),
            ("Zustimmung", "Ablehnung"),
            ("dafür", "dagegen"),
        ] {
            let mut words = vec![
                word(40.0, 100.0, "Lfd."),
                word(70.0, 100.0, "Name"),
                word(190.0, 100.0, "Fraktion"),
                word(240.0, 100.0, yes),
                word(310.0, 100.0, no),
                word(380.0, 100.0, "Enthaltung"),
            ];
            for (i, (name, x)) in [("Abel", 260.0), ("Bolte", 330.0), ("Deppe", 400.0)]
                .iter()
                .enumerate()
            {
                let y = 130.0 + 12.0 * i as f64;
                words.push(word(40.0, y, &format!("{}.", i + 1)));
                words.push(word(70.0, y, name));
                words.push(word(190.0, y, "GRÜNE"));
                words.push(word(*x, y, "X"));
            }
            let lines = rows_of(words, 500.0);
            assert_eq!(
                lines,
                [
                    "1.\tAbel\tGRÜNE\tX\t\t",
                    "2.\tBolte\tGRÜNE\t\tX\t",
                    "3.\tDeppe\tGRÜNE\t\t\tX"
                ],
                "{yes} / {no}"
            );
        }
    }

    /// A header with no `Lfd.` or `Nr.`: `Name` (`Name,` before `Vorname`) anchors the table; numbers before the names,
    /// where there are any, are its number column all the same.
    #[test]
    fn a_table_headed_by_name_alone() {
        for numbered in [false, true] {
            let mut words = vec![
                word(80.0, 100.0, if numbered { "Name" } else { "Name," }),
                word(190.0, 100.0, "Fraktion"),
                word(240.0, 100.0, "Ja"),
                word(262.0, 100.0, "Nein"),
                word(290.0, 100.0, "Enthal-"),
                word(290.0, 110.0, "tung"),
            ];
            for (i, (name, f, x)) in [("Abel", "GRÜNE", 243.0), ("Bolte", "GRÜNE", 268.0)]
                .iter()
                .enumerate()
            {
                let y = 130.0 + 12.0 * i as f64;
                if numbered {
                    words.push(word(50.0, y, &format!("{}.", i + 1)));
                }
                words.push(word(70.0, y, name));
                words.push(word(190.0, y, f));
                words.push(word(*x, y, "X"));
            }
            let lines = rows_of(words, 400.0);
            let nr = |n: &str| {
                if numbered {
                    n.to_owned()
                } else {
                    String::new()
                }
            };
            assert_eq!(lines[0], format!("{}\tAbel\tGRÜNE\tX\t\t", nr("1.")));
            assert_eq!(lines[1], format!("{}\tBolte\tGRÜNE\t\tX\t", nr("2.")));
        }
    }

    #[test]
    fn one_header_over_two_columns() {
        let mut words = vec![
            word(40.0, 100.0, "Lfd."),
            word(70.0, 100.0, "Name"),
            word(150.0, 100.0, "Fraktion"),
            word(205.0, 100.0, "Ja"),
            word(225.0, 100.0, "Nein"),
            word(255.0, 100.0, "Enthaltung"),
        ];
        for (x, nr, name, mark) in [(40.0, "1.", "Abel", 208.0), (340.0, "2.", "Bolte", 580.0)] {
            words.push(word(x, 130.0, nr));
            words.push(word(x + 30.0, 130.0, "Herr"));
            words.push(word(x + 60.0, 130.0, name));
            words.push(word(x + 110.0, 130.0, "GRÜNE"));
            words.push(word(mark, 130.0, "X"));
        }
        let page = Page {
            width: 620.0,
            height: 800.0,
            blocks: Vec::new(),
            words,
        };
        let (text, tables) = roll_call(&page, &[]).unwrap();
        assert_eq!(tables.len(), 2);
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "1.\tHerr Abel\tGRÜNE\tX\t\t",
                "2.\tHerr Bolte\tGRÜNE\t\t\tX"
            ]
        );
    }
}
