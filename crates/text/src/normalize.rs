//! Decoded text → normalised text: one normaliser for every kind of document.
//!
//! What it does, in order:
//! - line ends unified; a column block plain `pdftotext` put before the column it ends put
//!   back (`columns.rs`); a form feed (pdftotext's page break) becomes a paragraph break;
//! - leading `> ` quote marks, `**` emphasis marks and `*(…)*` italics marks removed
//!   (the `*)` of an unreviewed speech stays: it is data);
//! - running page heads cut out and returned beside the text (an excerpt's identity may be
//!   printed nowhere else);
//! - a word hyphenated across a line, column or page break joined (`gesam-` + `ten` →
//!   `gesamten`), but not when the continuation starts a new sentence (`unter-` followed by
//!   `Im …` stays as printed) nor before `und`/`oder` (`Mittel- und Langfristziele`);
//! - a paragraph cut by a page break (ends mid-sentence, next starts in lower case) rejoined;
//! - a document that is one single line (the Drucksache export) gets the same treatment inside
//!   the line.
//!
//! Offsets reported later (a contribution's character range) refer to the text returned here.
//!
//! Pages: a form feed starts a page (a PDF's text has one per page); without form feeds, a
//! running head does (it stands at a page's top). A page's number is the one its head prints,
//! else counted from a neighbour that prints one, else the PDF's page index.

use crate::heads::{DATE_LINE, PAGE_NUMBER_LINE, PROTOCOL_LINE};
pub use crate::model::PageStart;
use regex::Regex;
use std::sync::LazyLock;

/// The normalised text and what was cut from it.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub text: String,
    /// Running page heads, as printed, in order of appearance.
    pub running_heads: Vec<String>,
    /// Where each page begins in `text`, in order; empty when the source shows no page breaks.
    pub pages: Vec<PageStart>,
}

static PLENARY_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\d{2}\.\d{2}\.\d{4}\s+\d+\s+Nordrhein-Westfalen|Landtag\s+Nordrhein-Westfalen\s+\d+|Nordrhein-Westfalen\s+\d+)\s+Plenarprotokoll\s+\d+/\d+(?:\s+\d{2}\.\d{2}\.\d{4})?$",
    )
    .unwrap()
});
/// The Drucksache head on pages 2ff. (with ` - ` and a page number); page 1's title block
/// (`LANDTAG NORDRHEIN-WESTFALEN 17. Wahlperiode Drucksache 17/10377 30.07.2020`) is content.
static DRUCKSACHE_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"LANDTAG NORDRHEIN-WESTFALEN\s+-\s+\d+\.\s+Wahlperiode\s+Drucksache\s+\d+/\d+\s+\d+\b",
    )
    .unwrap()
});
static HEADING_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,3}\s+\S").unwrap());
static INLINE_HYPHEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{Ll})- (\p{Lu})").unwrap());
/// A word broken inside a line (`Fraktio- nen`, `durchge- führt`): a copy that turned the line
/// breaks of a cell or column into spaces.
static BROKEN_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{Ll})- (\p{Ll}[\p{L}.]*)").unwrap());
/// The words after which a hyphen is a suspended compound's (`Kinder- und Jugendhilfe`).
const SUSPENDED: [&str; 7] = ["und", "oder", "bzw.", "sowie", "bis", "wie", "als"];

const PAGE_BREAK: &str = "\u{0C}";

/// Normalises a decoded document.
pub fn normalize(raw: &str) -> Normalized {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let unified = crate::pdf::layout_roll_calls(&unified);
    let unified = crate::side_by_side::unfold(&unified);
    let unified = crate::columns::restore(&unified)
        .replace('\u{0C}', "\n\u{0C}\n")
        .replace('\u{00A0}', " ");
    let cleaned: Vec<String> = unified
        .split('\n')
        .map(|l| {
            if l == PAGE_BREAK {
                l.to_owned()
            } else {
                clean_marks(l)
            }
        })
        .collect();
    let mut cut = Cutter {
        cleaned: &cleaned,
        has_form_feeds: raw.contains('\u{0C}'),
        lines: Vec::new(),
        running_heads: Vec::new(),
        printed: vec![None],
        page_of: Vec::with_capacity(cleaned.len()),
        skip_until: 0,
        page_start: false,
        seen_text: false,
    };
    for i in 0..cleaned.len() {
        cut.page_of.push(cut.printed.len() - 1);
        let line = cut.line(i);
        cut.lines.push(line);
    }
    let (lines, page_of) = page_joins(&cleaned, cut.lines, cut.page_of);
    let (lines, page_of) = item_blocks(lines, page_of);
    let (text, starts) = join_lines(&lines, &page_of);
    let numbers = page_numbers(&cut.printed, cut.has_form_feeds);
    let pages = if numbers.is_empty() {
        Vec::new()
    } else {
        char_offsets(&text, starts, &numbers)
    };
    Normalized {
        text,
        running_heads: cut.running_heads,
        pages,
    }
}

/// The pass over the cleaned lines that takes the running heads out and numbers the pages.
struct Cutter<'a> {
    cleaned: &'a [String],
    has_form_feeds: bool,
    /// The lines kept (a cut line is left empty, so line numbers stay).
    lines: Vec<String>,
    running_heads: Vec<String>,
    /// Per page its printed number, if seen.
    printed: Vec<Option<u32>>,
    /// Per line its page.
    page_of: Vec<usize>,
    skip_until: usize,
    page_start: bool,
    seen_text: bool,
}

impl Cutter<'_> {
    /// What stays of line `i`.
    fn line(&mut self, i: usize) -> String {
        let line = &self.cleaned[i];
        if i < self.skip_until {
            return String::new();
        }
        if line == PAGE_BREAK {
            self.page_start = true;
            self.printed.push(None);
            return String::new();
        }
        let trimmed = line.trim();
        if trimmed.is_empty() {
            return String::new();
        }
        let at_page_start = std::mem::take(&mut self.page_start);
        if PLENARY_HEAD.is_match(trimmed) {
            self.running_heads.push(trimmed.to_owned());
            self.number_page(head_page_number(trimmed));
            return String::new();
        }
        if self.pdftotext_head(i, trimmed) {
            return String::new();
        }
        if trimmed == "Landtag" {
            if let Some(j) = self
                .next_nonempty(i + 1)
                .filter(|&j| self.cleaned[j].trim() == "Nordrhein-Westfalen")
                .filter(|&j| at_page_start || self.date_head_follows(j + 1))
            {
                self.skip_until = j + 1;
                return String::new();
            }
        }
        self.drucksache_heads(line)
    }

    /// Whether a pdftotext head (`28.01.2026` / `Plenarprotokoll 18/115`, a page number before
    /// it or not) opens at the next lines from `from`: a text without form feeds (copied, or
    /// written by hand) prints `Landtag` / `Nordrhein-Westfalen` over it at a page's top.
    fn date_head_follows(&self, from: usize) -> bool {
        let mut next = self.next_nonempty(from);
        if next.is_some_and(|k| PAGE_NUMBER_LINE.is_match(self.cleaned[k].trim())) {
            next = next.and_then(|k| self.next_nonempty(k + 1));
        }
        next.filter(|&k| DATE_LINE.is_match(self.cleaned[k].trim()))
            .and_then(|k| self.next_nonempty(k + 1))
            .is_some_and(|k| PROTOCOL_LINE.is_match(self.cleaned[k].trim()))
    }

    fn next_nonempty(&self, from: usize) -> Option<usize> {
        (from..self.cleaned.len()).find(|&j| !self.cleaned[j].trim().is_empty())
    }

    /// The current page's printed number: the first seen where pages are marked by form feeds
    /// (or before any text), else a new page's.
    fn number_page(&mut self, n: Option<u32>) {
        let Some(n) = n else { return };
        let cur = self.printed.len() - 1;
        if self.has_form_feeds || !self.seen_text {
            self.printed[cur].get_or_insert(n);
        } else {
            self.printed.push(Some(n));
        }
    }

    /// pdftotext's heads: `28.01.2026` / `Plenarprotokoll 18/115` with the page number on a
    /// line of its own before or after. Whether line `i` opened one (then it is cut).
    fn pdftotext_head(&mut self, i: usize, trimmed: &str) -> bool {
        if !DATE_LINE.is_match(trimmed) {
            return false;
        }
        let Some(j) = self
            .next_nonempty(i + 1)
            .filter(|&j| PROTOCOL_LINE.is_match(self.cleaned[j].trim()))
        else {
            return false;
        };
        self.running_heads
            .push(format!("{trimmed} {}", self.cleaned[j].trim()));
        let mut number = None;
        if let Some(prev) = self.lines.iter().rposition(|l| !l.is_empty()) {
            if PAGE_NUMBER_LINE.is_match(&self.lines[prev]) {
                number = self.lines[prev].parse().ok();
                self.lines[prev].clear();
            }
        }
        self.skip_until = j + 1;
        if let Some(k) = self
            .next_nonempty(j + 1)
            .filter(|&k| PAGE_NUMBER_LINE.is_match(self.cleaned[k].trim()))
        {
            number = self.cleaned[k].trim().parse().ok();
            self.skip_until = k + 1;
        }
        self.number_page(number);
        true
    }

    /// A Drucksache's heads, inside a line (the one-line Drucksache) or on a line of their own,
    /// cut out; what is left of the line.
    fn drucksache_heads(&mut self, line: &str) -> String {
        let mut cut = String::with_capacity(line.len());
        let mut last = 0;
        for m in DRUCKSACHE_HEAD.find_iter(line) {
            self.running_heads.push(m.as_str().to_owned());
            // A head inside a one-line document numbers no page: its breaks are lost already.
            if m.start() == 0 && m.end() == line.trim_end().len() {
                self.number_page(head_page_number(m.as_str()));
            }
            cut.push_str(line[last..m.start()].trim_end());
            cut.push(' ');
            last = m.end();
        }
        cut.push_str(&line[last..]);
        // A table's row (`pdf/table.rs`: cells parted by tabs) keeps its cells: an empty first
        // cell (a table without numbers) is a tab the row begins with.
        let kept = if cut.matches('\t').count() >= 2 {
            cut.trim_matches(|c: char| c.is_whitespace() && c != '\t')
        } else {
            cut.trim()
        };
        let single = join_broken_words(kept);
        self.seen_text |= !single.is_empty();
        if single.len() > 2000 {
            // A whole document on one line: its line breaks became spaces, so a hyphen before
            // a space and a capital is a compound split at a break (`Nordrhein- Westfalen`).
            INLINE_HYPHEN.replace_all(&single, "$1-$2").into_owned()
        } else {
            single
        }
    }
}

/// `line` with the words broken inside it joined (`Abgeord- neten` → `Abgeordneten`), a
/// suspended compound's hyphen kept (`Ein- und Ausgaben`).
fn join_broken_words(line: &str) -> String {
    if !line.contains("- ") {
        return line.to_owned();
    }
    BROKEN_WORD
        .replace_all(line, |c: &regex::Captures| {
            if SUSPENDED.contains(&&c[2]) {
                c[0].to_owned()
            } else {
                format!("{}{}", &c[1], &c[2])
            }
        })
        .into_owned()
}

/// The page number a running head prints: its first token made only of digits
/// (`24.11.2022 88 Nordrhein-Westfalen Plenarprotokoll 18/15` → 88).
fn head_page_number(head: &str) -> Option<u32> {
    head.split_whitespace()
        .find(|t| t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))?
        .parse()
        .ok()
}

/// Every page's number: as printed, else counted from the nearest page that prints one, else
/// (a PDF whose heads print none) its index. Empty when pages cannot be told at all.
fn page_numbers(printed: &[Option<u32>], has_form_feeds: bool) -> Vec<u32> {
    let known: Vec<(usize, u32)> = printed
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.map(|n| (i, n)))
        .collect();
    if known.is_empty() {
        return if has_form_feeds {
            (1..=printed.len() as u32).collect()
        } else {
            Vec::new()
        };
    }
    (0..printed.len())
        .map(|i| {
            let &(j, n) = known
                .iter()
                .min_by_key(|(j, _)| j.abs_diff(i))
                .expect("known is not empty");
            (i64::from(n) + i as i64 - j as i64).max(1) as u32
        })
        .collect()
}

/// Byte offsets of page starts → character offsets, with the pages' numbers.
fn char_offsets(text: &str, starts: Vec<(usize, usize)>, numbers: &[u32]) -> Vec<PageStart> {
    let mut out: Vec<PageStart> = Vec::with_capacity(starts.len());
    let (mut byte, mut chars) = (0, 0);
    for (b, page) in starts {
        chars += text[byte..b].chars().count();
        byte = b;
        let number = numbers[page];
        if out.last().is_some_and(|p| p.number == number) {
            continue;
        }
        out.push(PageStart {
            offset: chars,
            number,
        });
    }
    out
}

fn clean_marks(line: &str) -> String {
    let mut s = line.trim_end();
    loop {
        let t = s.trim_start();
        match t.strip_prefix('>') {
            Some(rest) => s = rest,
            None => break,
        }
    }
    s.replace("**", "").replace("*(", "(").replace(")*", ")")
}

/// The chair's call of an item at a line's end: `Ich rufe auf:`, `Wir kommen zu:`, `Ich rufe
/// Tagesordnungspunkt 5 auf:`; without its colon only as a short line of its own (`Wir kommen
/// zu`) or where the number follows the word (`Damit sind wir bei Tagesordnungspunkt`, `Ich
/// rufe auf Tagesordnungspunkt`, 17th period).
static ITEM_CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\bauf|\bzu|\bbeim?|Tagesordnungspunkt(?:\s+\d+)?)\s*:$|^(?:Ich rufe|Wir kommen)\b.{0,40}\b(?:auf|zu)$|\bTagesordnungspunkt$").unwrap()
});
/// The first line of an item's heading: its number and a capital or a figure (`2 Anerkennung
/// und …`, `7 300.000 Arbeitsplätze …`).
static ITEM_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}\s+[\p{Lu}\d„\x22]").unwrap());
/// A line that opens a block of the papers under an item's heading (`Antrag`, `Gesetzentwurf`,
/// `Beschlussempfehlung`, `zweite Lesung`, `In Verbindung mit:`).
static PAPER_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Dringlicher\s+|Änderungs|Entschließungs)?[Aa]ntr(?:ag|äge)|Gesetzentw(?:urf|ürfe)|Beschlu(?:ss|ß)empfehlung(?:en)?|Unterrichtung(?:en)?|Übersicht|Wahlvorschlag|(?:Mündliche|Große|Kleine|Dringliche)\s+Anfrage|Antwort|Bericht|Aktuelle\s+Stunde|Beratung|Wahl|Vorlage|In\s+Verbindung\s+mit|(?:erste|zweite|dritte)\s+Lesung)\b").unwrap()
});
/// A line that goes on with a paper's block (`der Fraktion der CDU und`, `Drucksache 18/17456`).
static PAPER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:der|des|den|dem|und|auf)\s|Drucksachen?\b|Vorlagen?\b|Neudruck\b|[–-]\s)")
        .unwrap()
});

/// The blank lines around a running head (a page's, or pdftotext's between two columns) taken
/// out where the break cut a sentence ([`crate::columns::cut_sentence`]): `Ralf Jäger, Minister für Inneres und` / head / `Kommunales: Frau
/// Präsidentin!` go on as one passage, as the column printed them, and the item blocks after
/// are found as on one page.
fn page_joins(
    cleaned: &[String],
    lines: Vec<String>,
    page_of: Vec<usize>,
) -> (Vec<String>, Vec<usize>) {
    // A line with text that was cut: a running head, a form feed.
    let was_cut = |k: usize| lines[k].is_empty() && !cleaned[k].trim().is_empty();
    let mut keep = vec![true; lines.len()];
    let mut last: Option<usize> = None;
    for i in 0..lines.len() {
        if lines[i].trim().is_empty() {
            continue;
        }
        if let Some(l) = last.filter(|&l| (l + 1..i).any(was_cut)) {
            let before = lines[l].trim();
            // A paper's block under a heading ends in a small letter (`zweite Lesung`, `der
            // Landesregierung`) and is whole: what the next page begins is no part of it.
            let block = before.chars().count() <= 40
                && (PAPER_BLOCK.is_match(before) || PAPER_LINE.is_match(before));
            if crate::columns::cut_sentence(before, lines[i].trim()) && !block {
                keep[l + 1..i].iter_mut().for_each(|k| *k = false);
            }
        }
        last = Some(i);
    }
    lines
        .into_iter()
        .zip(page_of)
        .zip(keep)
        .filter_map(|(pair, k)| k.then_some(pair))
        .unzip()
}

/// Where an item's heading is in the block before it, as plain `pdftotext` output prints it
/// (`Ich rufe auf:`, the heading, its papers and the chair's words on consecutive lines), the
/// blank lines a PDF's layout gives (`pdf.rs`: a block each) are put in: before the heading,
/// before each paper's block, before the first sentence after them. Text whose blocks are
/// apart already is left as it is.
fn item_blocks(lines: Vec<String>, page_of: Vec<usize>) -> (Vec<String>, Vec<usize>) {
    #[derive(PartialEq)]
    enum In {
        Text,
        Title(usize),
        Papers,
    }
    // A paper's block opens with a short line (`Gesetzentwurf`, `zweite Lesung`); a title's
    // second line (`Wahl von …`) is longer.
    let opens_paper = |t: &str| t.chars().count() <= 40 && PAPER_BLOCK.is_match(t);
    let mut state = In::Text;
    let (mut out, mut pages) = (
        Vec::with_capacity(lines.len()),
        Vec::with_capacity(lines.len()),
    );
    let (mut previous, mut earlier) = (String::new(), String::new());
    // Where the chair's words begin under a heading with no paper between (`1 Namensaufruf der
    // Abgeordneten` / `Gemäß § 2 Absatz 1 …`): a blank line goes there.
    let mut words_at = None;
    let starts = title_ends(&lines);
    let papered = papered_headings(&lines);
    for (i, (line, page)) in lines.into_iter().zip(page_of).enumerate() {
        let t = line.trim();
        if matches!(state, In::Title(_)) && words_at == Some(i) {
            state = In::Text;
            out.push(String::new());
            pages.push(page);
        }
        let blank_before = match state {
            _ if t.is_empty() => {
                state = In::Text;
                false
            }
            // After the call: a block of its own. At a block's start (a page's top, where the
            // call stood on the page before): the papers under it are split off below.
            In::Text => {
                // Or no call at all: a sentence ends, and a heading with its papers follows
                // (17/1: `… mit Mehrheit angenommen.` / `17 Mitteilung …` / `Unterrichtung`).
                let called = calls_item(&earlier, &previous);
                let ended = previous.trim().ends_with(['.', '!', '?']) && papered.contains(&i);
                let call = (called || ended) && ITEM_HEADING.is_match(t);
                if call || previous.trim().is_empty() && ITEM_HEADING.is_match(t) {
                    state = In::Title(1);
                    words_at = starts.get(&i).copied();
                }
                call
            }
            In::Title(n) if opens_paper(t) => {
                state = In::Papers;
                n > 0
            }
            // A title runs over up to eight lines (a narrow column, a dash opening a line).
            In::Title(n) => {
                state = if n >= 8 { In::Text } else { In::Title(n + 1) };
                false
            }
            In::Papers if opens_paper(t) => true,
            In::Papers if PAPER_LINE.is_match(t) => false,
            In::Papers => {
                state = In::Text;
                true
            }
        };
        if blank_before {
            out.push(String::new());
            pages.push(page);
        }
        earlier = std::mem::replace(&mut previous, line.clone());
        out.push(line);
        pages.push(page);
    }
    (out, pages)
}

/// Whether a line (`after`, the line `before` it too) ends in the chair's call of an item: `Ich
/// rufe auf:`, and any line ending in a colon (`Wir kommen zu Tagesordnungspunkt 4,
/// Tagesordnungspunkt 3 ist abgesetzt:`), the heading's number and title deciding
/// (`protocol::heading`, the contents list); the call's last word may be broken over two lines
/// (`zu Ta-` / `gesordnungspunkt`).
fn calls_item(before: &str, after: &str) -> bool {
    let after = after.trim();
    let whole = match before.trim().strip_suffix('-') {
        Some(stem) if after.starts_with(char::is_lowercase) => format!("{stem}{after}"),
        _ => after.to_owned(),
    };
    ITEM_CALL.is_match(&whole) || after.ends_with(':')
}

/// The lines that could head an item with a paper's block within the next three lines, none
/// blank (`17 Mitteilung gemäß § 15 …` / `Unterrichtung durch die`).
fn papered_headings(lines: &[String]) -> std::collections::HashSet<usize> {
    let opens_paper = |t: &str| t.chars().count() <= 40 && PAPER_BLOCK.is_match(t);
    (0..lines.len())
        .filter(|&i| ITEM_HEADING.is_match(lines[i].trim()))
        .filter(|&i| {
            lines[i + 1..]
                .iter()
                .take(3)
                .take_while(|l| !l.trim().is_empty())
                .any(|l| opens_paper(l.trim()))
        })
        .collect()
}

/// For each line that could head an item, the line where a sentence of the chair's begins
/// within the title's reach (four lines), before any blank line or paper's block: the first
/// line that ends a sentence with a full stop (`… der Abgeordneten.`, `Verpflichtung. Nachdem …`;
/// a title may end in `?` or `!`), traced back to
/// the last line before it that opens with a capital (`Gemäß § 2 …`). A title has no sentence's
/// end; `Nr.`, `Abs.`, `gem.` are no ends.
fn title_ends(lines: &[String]) -> std::collections::HashMap<usize, usize> {
    static SENTENCE_END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\p{Ll}{3,}\.(?:\s+\p{Lu}|\s*$)").unwrap());
    const NO_END: [&str; 6] = ["gem.", "bzw.", "usw.", "ggf.", "vgl.", "inkl."];
    let ends = |l: &str| {
        SENTENCE_END.find_iter(l).any(|m| {
            let word = l[..m.end()].trim_end().rsplit(' ').next().unwrap_or("");
            !NO_END.iter().any(|a| word.ends_with(a))
        })
    };
    let opens_paper = |t: &str| t.chars().count() <= 40 && PAPER_BLOCK.is_match(t);
    let mut out = std::collections::HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if !ITEM_HEADING.is_match(l.trim()) || ends(l) {
            continue;
        }
        let reach = lines.iter().enumerate().skip(i + 1).take(4);
        let body: Vec<(usize, &String)> = reach
            .take_while(|(_, t)| !t.trim().is_empty() && !opens_paper(t.trim()))
            .collect();
        let Some(j) = body.iter().position(|(_, t)| ends(t)) else {
            continue;
        };
        let opens = |t: &str| t.trim_start().starts_with(|c: char| c.is_uppercase());
        if let Some((k, _)) = body[..=j].iter().rev().find(|(_, t)| opens(t)) {
            out.insert(i, *k);
        }
    }
    out
}

/// Joins hyphenated words and broken paragraphs; collapses runs of blank lines to one.
/// Returns the text and, per page that has text, the byte offset where it begins.
fn join_lines(lines: &[String], page_of: &[usize]) -> (String, Vec<(usize, usize)>) {
    let mut out = String::new();
    let mut starts: Vec<(usize, usize)> = Vec::new();
    let mut pending_blank = false;
    for (line, &page) in lines.iter().zip(page_of) {
        if line.is_empty() {
            pending_blank = !out.is_empty();
            continue;
        }
        let mut mark = |at: usize| {
            if starts.last().is_none_or(|&(_, p)| p != page) {
                starts.push((at, page));
            }
        };
        let starts_lower = line.chars().next().is_some_and(char::is_lowercase);
        if !out.is_empty() && starts_lower {
            if let Some(stem) = hyphen_stem(&out) {
                let first_word = line.split_whitespace().next().unwrap_or("");
                if matches!(first_word, "und" | "oder" | "bzw." | "sowie" | "bis") {
                    out.push(' ');
                } else {
                    out.truncate(stem);
                }
                mark(out.len());
                out.push_str(line);
                pending_blank = false;
                continue;
            }
            let last = out.chars().last().unwrap_or('.');
            // Never continue an agenda item's heading (`13 Title`) with the lines under it.
            let last_line = out.rsplit('\n').next().unwrap_or("");
            let heading = HEADING_LINE.is_match(last_line);
            if pending_blank && !heading && (last.is_lowercase() || last == ',') {
                out.push(' ');
                mark(out.len());
                out.push_str(line);
                pending_blank = false;
                continue;
            }
        }
        if !out.is_empty() {
            out.push_str(if pending_blank { "\n\n" } else { "\n" });
        }
        mark(out.len());
        out.push_str(line);
        pending_blank = false;
    }
    out.push('\n');
    (out, starts)
}

/// Where the hyphen of a word broken at the end of `text` stands (`…gesam-`), if it is one.
fn hyphen_stem(text: &str) -> Option<usize> {
    let stem = text.strip_suffix('-')?;
    let before = stem.chars().last()?;
    before.is_lowercase().then_some(stem.len())
}

/// A paragraph of normalised text: lines between blank lines, with its byte range.
#[derive(Debug, Clone, Copy)]
pub struct Paragraph<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// Splits normalised text into paragraphs.
pub fn paragraphs(text: &str) -> Vec<Paragraph<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("\n\n") {
        push_paragraph(text, start, i, &mut out);
        start = i + 2;
    }
    push_paragraph(text, start, text.len(), &mut out);
    out
}

/// Adds `text[start..end]`, trimmed, as a paragraph unless it is blank.
pub fn push_paragraph<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Paragraph<'a>>) {
    let slice = &text[start..end];
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return;
    }
    let s = start + (slice.len() - slice.trim_start().len());
    out.push(Paragraph {
        start: s,
        end: s + trimmed.len(),
        text: trimmed,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_hyphenation_across_page_breaks_but_not_new_sentences() {
        let n = normalize(
            "innerhalb der gesam-\n\nten Landesverwaltung\n\nunter-\n\nIm Zukunftsvertrag\n",
        );
        assert!(n.text.contains("gesamten Landesverwaltung"), "{}", n.text);
        assert!(
            n.text.contains("unter-\n\nIm Zukunftsvertrag"),
            "{}",
            n.text
        );
    }

    #[test]
    fn a_page_that_cuts_a_sentence_parts_no_paragraph() {
        let head = "\n\nLandtag\nNordrhein-Westfalen\n\n11.11.2015\nPlenarprotokoll 16/97\n\n3\n\n";
        // A label cut after `und`: one passage, its lines as the column printed them.
        let n = normalize(&format!(
            "Ralf Jäger, Minister für Inneres und{head}Kommunales: Frau Präsidentin!\n"
        ));
        assert_eq!(
            n.text,
            "Ralf Jäger, Minister für Inneres und\nKommunales: Frau Präsidentin!\n"
        );
        // A paper's block ends whole in a small letter: the chair's words after it stay apart.
        let n = normalize(&format!(
            "Drucksache 16/11000\nzweite Lesung{head}Eine Aussprache ist nicht vorgesehen.\n"
        ));
        assert!(
            n.text.contains("zweite Lesung\n\nEine Aussprache"),
            "{}",
            n.text
        );
        // A sentence ended: the page's break stays a paragraph's.
        let n = normalize(&format!("Das ist so.{head}Weiter geht es.\n"));
        assert_eq!(n.text, "Das ist so.\n\nWeiter geht es.\n");
    }

    #[test]
    fn a_heading_with_its_papers_after_a_sentence_is_a_block() {
        let n = normalize("Damit ist der Antrag angenommen.\n17 Mitteilung gemäß § 15 Abs. 2\nUnterrichtung durch die\nPräsidentin des Landtags\nDrucksache 16/15088\nDie Präsidentin hat die Daten veröffentlicht.\n");
        assert!(
            n.text.contains("angenommen.\n\n17 Mitteilung"),
            "{}",
            n.text
        );
        // A figure opening a line of prose, no paper under it: the prose goes on.
        let n =
            normalize("Das kostet viel.\n4 Milliarden Euro fehlen\nden Kommunen seit Jahren.\n");
        assert_eq!(
            n.text,
            "Das kostet viel.\n4 Milliarden Euro fehlen\nden Kommunen seit Jahren.\n"
        );
    }

    #[test]
    fn cuts_running_heads_and_keeps_them() {
        let n = normalize("Aspekte wie die\n\n24.11.2022 88 Nordrhein-Westfalen Plenarprotokoll 18/15\n\nlandesweite Einführung\n");
        assert_eq!(
            n.running_heads,
            ["24.11.2022 88 Nordrhein-Westfalen Plenarprotokoll 18/15"]
        );
        // The page cut the sentence: its lines go on as one paragraph.
        assert_eq!(n.text, "Aspekte wie die\nlandesweite Einführung\n");
    }

    #[test]
    fn strips_marks_but_keeps_the_unreviewed_flag() {
        let n = normalize("> (Beifall von der CDU)\n\nAngela Freimuth*) (FDP): Wer stimmt der **Empfehlung** zu?\n\n4 Titel *(Bericht)*\n");
        assert_eq!(
            n.text,
            "(Beifall von der CDU)\n\nAngela Freimuth*) (FDP): Wer stimmt der Empfehlung zu?\n\n4 Titel (Bericht)\n"
        );
    }

    #[test]
    fn cuts_pdftotext_heads_and_joins_across_them() {
        let raw = "Die Beratung sollen im feder-\n\n\u{0C}Landtag\nNordrhein-Westfalen\nführenden Ausschuss erfolgen.\n\n41\n\n28.01.2026\nPlenarprotokoll 18/115\nViele weitere\n";
        let n = normalize(raw);
        assert_eq!(n.running_heads, ["28.01.2026 Plenarprotokoll 18/115"]);
        assert_eq!(
            n.text,
            "Die Beratung sollen im federführenden Ausschuss erfolgen.\n\nViele weitere\n"
        );
    }

    /// Plain `pdftotext` output puts the call, the heading, its papers and the chair's words on
    /// consecutive lines; they become the blocks a PDF's layout gives. Blocks already apart are
    /// left as they are.
    #[test]
    fn an_item_called_in_plain_text_gets_the_blocks_of_the_layout() {
        let plain = "Ich rufe auf:\n2 Anerkennung und Wertschätzung der\nFreiwilligendienstleistenden\nAntrag\nder Fraktion der CDU und\nder Fraktion BÜNDNIS 90/DIE GRÜNEN\nDrucksache 18/17456 – Neudruck\nBeschlussempfehlung\ndes Ausschusses\nDrucksache 18/17500\nIch eröffne die Aussprache.";
        let blocks = "Ich rufe auf:\n\n2 Anerkennung und Wertschätzung der\nFreiwilligendienstleistenden\n\nAntrag\nder Fraktion der CDU und\nder Fraktion BÜNDNIS 90/DIE GRÜNEN\nDrucksache 18/17456 – Neudruck\n\nBeschlussempfehlung\ndes Ausschusses\nDrucksache 18/17500\n\nIch eröffne die Aussprache.";
        assert_eq!(normalize(plain).text, format!("{blocks}\n"));
        assert_eq!(normalize(blocks).text, format!("{blocks}\n"));
        let called = "Damit sind wir bei Tagesordnungspunkt\n10 Einsetzung eines Wahlprüfungsausschusses\nAntrag\nder Fraktion der CDU\nDrucksache 17/10\nGemäß Artikel 33 ist die Wahlprüfung Sache des Landtags.";
        assert_eq!(
            normalize(called).text,
            "Damit sind wir bei Tagesordnungspunkt\n\n10 Einsetzung eines Wahlprüfungsausschusses\n\nAntrag\nder Fraktion der CDU\nDrucksache 17/10\n\nGemäß Artikel 33 ist die Wahlprüfung Sache des Landtags.\n"
        );
        let called = "Ich rufe auf Tagesordnungspunkt\n13 Einsetzung eines Hauptausschusses\nAntrag\nder Fraktion der CDU\nDrucksache 17/13\nEs ergibt sich schließlich die Notwendigkeit.";
        assert_eq!(
            normalize(called).text,
            "Ich rufe auf Tagesordnungspunkt\n\n13 Einsetzung eines Hauptausschusses\n\nAntrag\nder Fraktion der CDU\nDrucksache 17/13\n\nEs ergibt sich schließlich die Notwendigkeit.\n"
        );
        // A number after a call that is no item's heading block stays in its sentence.
        let prose = "Dem stimmen wir zu\n14 Jahre lang hat das gehalten.";
        assert_eq!(normalize(prose).text, format!("{prose}\n"));
        // No paper under the heading: the chair's first sentence is a block of its own, traced
        // back from its end to the line that opens it.
        let called = "Ich rufe nun auf:\n1 Namensaufruf der Abgeordneten\nGemäß § 2 Absatz 1 der Geschäftsordnung beginnt\ndie Sitzung mit dem Namensaufruf.";
        assert_eq!(
            normalize(called).text,
            "Ich rufe nun auf:\n\n1 Namensaufruf der Abgeordneten\n\nGemäß § 2 Absatz 1 der Geschäftsordnung beginnt\ndie Sitzung mit dem Namensaufruf.\n"
        );
        // The call's last word broken over two lines (17/1 as `pdftotext -raw` prints it).
        let called = "Wir kommen jetzt zu Ta-\ngesordnungspunkt\n2 Inkraftsetzung der Geschäftsordnung\nAntrag\nder Fraktion der CDU\nDrucksache 17/1\nGemäß Artikel 38 gibt sich der Landtag seine Geschäftsordnung.";
        assert!(normalize(called)
            .text
            .contains("zu Tagesordnungspunkt\n\n2 Inkraftsetzung der Geschäftsordnung\n\nAntrag"));
        // A title over two lines with an abbreviation keeps its lines.
        let called = "Wir kommen zu:\n14 Wahl des Kontrollgremiums gem.\n§ 23 des Gesetzes\nWahlvorschlag\nDrucksache 17/15";
        assert!(normalize(called)
            .text
            .contains("Kontrollgremiums gem.\n§ 23 des Gesetzes\n\nWahlvorschlag"));
    }

    #[test]
    fn a_heading_is_not_continued_by_the_lines_under_it() {
        let n = normalize("13 Verwaltungsdigitalisierung zeitnah umsetzen\n\nder Fraktion der FDP Drucksache 18/1669\n");
        assert_eq!(n.text, "13 Verwaltungsdigitalisierung zeitnah umsetzen\n\nder Fraktion der FDP Drucksache 18/1669\n");
    }

    #[test]
    fn pages_from_form_feeds_and_from_the_heads_that_number_them() {
        // A PDF's text: a form feed per page; the head numbers the page it opens.
        let n = normalize("Titel\n\u{0C}Landtag\nNordrhein-Westfalen\n\n2\n\n28.01.2026\nPlenarprotokoll 18/115\n\nRede\n");
        assert_eq!(n.text, "Titel\n\nRede\n");
        let numbers: Vec<(usize, u32)> = n.pages.iter().map(|p| (p.offset, p.number)).collect();
        assert_eq!(numbers, [(0, 1), (7, 2)]);
        // A text file: a head starts a page; the page before it is counted back.
        let n = normalize("Erste Seite.\n\n24.11.2022 88 Nordrhein-Westfalen Plenarprotokoll 18/15\n\nZweite Seite.\n");
        let numbers: Vec<(usize, u32)> = n.pages.iter().map(|p| (p.offset, p.number)).collect();
        assert_eq!(numbers, [(0, 87), (14, 88)]);
        // No heads, no form feeds: pages unknown.
        assert!(normalize("Nur Text.\n").pages.is_empty());
    }

    #[test]
    fn keeps_suspended_hyphens_before_und() {
        let n = normalize("die Mittel-\nund Langfristziele\n");
        assert_eq!(n.text, "die Mittel- und Langfristziele\n");
    }

    #[test]
    fn joins_words_broken_inside_a_line_but_not_suspended_compounds() {
        let n = normalize(
            "Die Aktuelle Stunde wurde durchge- führt, mit den Stimmen der Fraktio- nen.\n",
        );
        assert_eq!(
            n.text,
            "Die Aktuelle Stunde wurde durchgeführt, mit den Stimmen der Fraktionen.\n"
        );
        let n =
            normalize("Kinder- und Jugendhilfe, Klein- wie Großbetriebe, Vor- bzw. Nachteile\n");
        assert_eq!(
            n.text,
            "Kinder- und Jugendhilfe, Klein- wie Großbetriebe, Vor- bzw. Nachteile\n"
        );
    }
}
