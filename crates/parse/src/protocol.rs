//! The body of a protocol (committee or plenary): agenda item headings, the papers under them,
//! and contributions in order. One segmenter for both kinds; they differ in `Style`.

use super::speaker::{self, Found};
use super::{interjection, toc, vote};
use super::{refs, Diagnostics, Severity};
use crate::model::{
    AgendaItem, CharIndex, Contribution, Interjection, PaperKind, PaperRef, Speaker, Vote,
    VoteMethod,
};
use crate::normalize::{paragraphs, push_paragraph, Paragraph};
use regex::Regex;
use std::sync::LazyLock;

pub struct Style<'a> {
    /// Committee protocols report speech inside sentences (`Laut X (SPD) steht …`).
    pub reported_speech: bool,
    /// A speaker's turn runs on across an item heading (the plenary's chair: `Wir kommen zu: 13 …
    /// Ich eröffne die Aussprache.`); in committee protocols the minutes resume instead.
    pub turns_cross_headings: bool,
    pub chair: Option<&'a str>,
    /// The period and date: `die Koalitionsfraktionen`, `einstimmig` are read against them.
    pub when: vote::When,
    /// The items the table of contents lists (none for an excerpt or a committee's protocol):
    /// a heading it lists is one wherever the sitting takes it, one it lists otherwise is not.
    pub contents: &'a [toc::Item],
}

pub struct Body {
    pub agenda: Vec<AgendaItem>,
    pub contributions: Vec<Contribution>,
    pub interjections: Vec<Interjection>,
    pub votes: Vec<Vote>,
}

static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})\s+(\p{Lu}|\d|„|\x22)([^\n]*)$").unwrap());
static TITLE_NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.*?)\s*\(([^()]*(?:\[[^\]]*\][^()]*)*)\)$").unwrap());

const BEFORE_AGENDA: &str = "Vor Eintritt in die Tagesordnung";

/// An item heading: `13 Verwaltungsdigitalisierung voranbringen - …`, numbered after `last`.
/// A long title breaks over up to four lines in the PDF's column.
fn heading(p: &Paragraph, last: Option<u32>) -> Option<(u32, String)> {
    heading_within(p, last, 4)
}

/// A heading of up to `max_lines` lines (a title the contents list names may run longer: a
/// narrow column, a dash opening a line).
fn heading_within(p: &Paragraph, last: Option<u32>, max_lines: usize) -> Option<(u32, String)> {
    let lines: Vec<&str> = p.text.lines().collect();
    if lines.len() > max_lines || p.text.len() > 100 * max_lines {
        return None;
    }
    let c = HEADING.captures(lines[0])?;
    let n: u32 = c[1].parse().ok()?;
    let mut title = format!("{}{}", &c[2], &c[3]).trim().to_owned();
    for l in &lines[1..] {
        if l.starts_with('(') || speaker::label_at_start(l).is_some() {
            return None;
        }
        title.push(' ');
        title.push_str(l.trim());
    }
    let in_sequence = match last {
        Some(l) => n > l && n <= l + 3,
        None => n >= 1,
    };
    // A title over sub-items ends with a colon (`14 Wahl … gemäß § 23 …:` before `a) Zahl der
    // Mitglieder`): taken where it is the very next number.
    let next = last.is_some_and(|l| n == l + 1);
    let ends_like_sentence = title.ends_with(['.', ',', ';']) || (title.ends_with(':') && !next);
    (in_sequence && !ends_like_sentence && title.chars().count() > 3).then_some((n, title))
}

/// Lines printed under a heading: the paper's kind and number, who moved it, the referral.
fn is_heading_block(p: &Paragraph) -> bool {
    let t = p.text;
    t.starts_with("(Überweisung")
        || (t.len() < 400
            && speaker::label_at_start(t).is_none()
            && !t.ends_with(['.', ':', '!', '?'])
            && !t.starts_with('('))
}

/// The document's paragraphs, split once: at blank lines, and further where a line opens an
/// interjection (`(Beifall …)`) or a speaker's label (text from pdftotext has no blank lines
/// between them). Every reader of a protocol works on these.
pub fn units(text: &str) -> Vec<Paragraph<'_>> {
    let mut out = Vec::new();
    for p in whole_labels(text, whole_parentheses(text, paragraphs(text))) {
        let mut start = p.start;
        let mut depth = 0i32;
        let mut offset = p.start;
        // Lines still to come of a label broken over several.
        let mut in_label = 0;
        for line in p.text.split('\n') {
            let line_start = offset;
            offset += line.len() + 1;
            let label = label_opens(line, &text[line_start..p.end]);
            // `(GRÜNE): Ja! …` under `Vizepräsident Oliver Keymis` ends a label, opens nothing.
            let ends_label = in_label > 0;
            in_label = match label {
                Label::OverLines(n) => n - 1,
                _ => in_label.saturating_sub(1),
            };
            let opens =
                depth == 0 && (label != Label::None || line.starts_with('(')) && !ends_label;
            if opens && line_start > start {
                push_paragraph(text, start, line_start, &mut out);
                start = line_start;
            }
            if line.starts_with('(') && line_start == start {
                depth = 0;
            }
            if text[start..].starts_with('(') {
                for ch in line.chars() {
                    match ch {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                }
                if depth <= 0 {
                    depth = 0;
                    push_paragraph(text, start, (line_start + line.len()).min(p.end), &mut out);
                    start = (offset).min(p.end);
                }
            }
        }
        if start < p.end {
            push_paragraph(text, start, p.end, &mut out);
        }
    }
    out
}

/// How far `text` leaves parentheses open (negative: closes more than it opens).
fn open_parentheses(text: &str) -> i32 {
    text.chars()
        .map(|c| match c {
            '(' => 1,
            ')' => -1,
            _ => 0,
        })
        .sum()
}

/// The paragraphs with a parenthesis a blank line cuts made whole again (text with a blank line
/// between paragraphs cuts one at a page break: `(Beifall … –` / `Gegenruf von …: Das Land!)`):
/// a paragraph whose last line opens a parenthesis it does not close takes the next one or two
/// paragraphs whose lines close it exactly at a line's end ([`follow`]).
fn whole_parentheses<'a>(text: &'a str, paragraphs: Vec<Paragraph<'a>>) -> Vec<Paragraph<'a>> {
    const MAX_FOLLOWING: usize = 2;
    let mut out: Vec<Paragraph<'a>> = Vec::with_capacity(paragraphs.len());
    let mut i = 0;
    while i < paragraphs.len() {
        let p = paragraphs[i];
        // The parenthesis its last line opens, if any (`… sein.` / `(Beifall … AfD:`).
        let last = p.text.rfind("\n(").map_or(0, |at| at + 1);
        let mut depth = open_parentheses(&p.text[last..]);
        let mut joined = 0;
        if p.text[last..].starts_with('(') && depth > 0 {
            for (k, next) in paragraphs[i + 1..].iter().take(MAX_FOLLOWING).enumerate() {
                match follow(next.text, depth) {
                    Follow::Closed => {
                        joined = k + 1;
                        break;
                    }
                    Follow::Open(d) => depth = d,
                    Follow::Broken => break,
                }
            }
        }
        let end = paragraphs[i + joined].end;
        out.push(Paragraph {
            start: p.start,
            end,
            text: &text[p.start..end],
        });
        i += joined + 1;
    }
    out
}

/// The paragraphs with a speaker's label a blank line cuts made whole again (a page's break in
/// text without running heads: `Bernd Berger, Staatssekretär im Ministerium für Inneres und` /
/// blank / `Kommunales: Frau Präsidentin!`): a paragraph whose last line opens a label that
/// the next paragraph's first lines close takes that paragraph.
fn whole_labels<'a>(text: &'a str, paragraphs: Vec<Paragraph<'a>>) -> Vec<Paragraph<'a>> {
    let mut out: Vec<Paragraph<'a>> = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        if let Some(prev) = out.last_mut() {
            let last = prev
                .text
                .rfind('\n')
                .map_or(prev.start, |i| prev.start + i + 1);
            let line = &text[last..prev.end];
            let over = label_opens(line, &text[last..p.end]);
            if !line.contains(':') && matches!(over, Label::OverLines(_)) {
                *prev = Paragraph {
                    start: prev.start,
                    end: p.end,
                    text: &text[prev.start..p.end],
                };
                continue;
            }
        }
        out.push(p);
    }
    out
}

/// How a paragraph goes on with a parenthesis left open before it.
enum Follow {
    /// A line of it closes the parenthesis at its end (`[fraktionslos]: Und Glasfaser!)`; what
    /// follows on the next lines is read as ever).
    Closed,
    /// It leaves this many open.
    Open(i32),
    /// It opens another, closes more than were open, or runs long: no part of it.
    Broken,
}

fn follow(next: &str, mut depth: i32) -> Follow {
    const SHORT: usize = 400;
    if next.starts_with('(') {
        return Follow::Broken;
    }
    let mut read = 0;
    for line in next.split('\n') {
        read += line.len() + 1;
        depth += open_parentheses(line);
        if read > SHORT || depth < 0 {
            return Follow::Broken;
        }
        if depth == 0 {
            return if line.ends_with(')') {
                Follow::Closed
            } else {
                Follow::Broken
            };
        }
    }
    Follow::Open(depth)
}

/// Where a speaker's label opening at a line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    None,
    OnTheLine,
    /// Broken over this many lines, before its faction or colon (`Vizepräsident Oliver Keymis`
    /// / `(GRÜNE): Ja! …`; `Josefine Paul, Ministerin für Kinder,` / `Jugend, Familie,
    /// Gleichstellung,` / `Flucht und Integration: Herr`), as a narrow column breaks it.
    OverLines(usize),
}

/// The most lines a label runs over: a minister's office in a column of 35 characters.
const LABEL_LINES: usize = 4;

/// Whether a speaker's label opens at `line`: on it, or over it and up to three more lines,
/// its colon on the last; `rest` is the paragraph from the line on.
fn label_opens(line: &str, rest: &str) -> Label {
    if speaker::label_at_start(line).is_some() {
        return Label::OnTheLine;
    }
    // A label that opens on the next line is its own: this line is none of it (`… gegebene
    // Reden` / `Ina Brandes, Ministerin für …:` is no `Reden Ina Brandes`).
    let next = rest.split_once('\n').map_or("", |(_, r)| r.trim_start());
    if speaker::label_at_start(next).is_some() {
        return Label::None;
    }
    let mut lines = rest.split('\n');
    let mut upto = lines.next().map_or(0, str::len);
    for n in 2..=LABEL_LINES {
        if rest[..upto].contains(':') {
            break;
        }
        let Some(next) = lines.next() else { break };
        let before = upto;
        upto += 1 + next.len();
        let found = speaker::label_at_start(&rest[..upto]);
        if found.is_some_and(|f| f.end > before) {
            return Label::OverLines(n);
        }
    }
    Label::None
}

/// The body of a protocol from `body_start` to `body_end`: agenda items, contributions,
/// interjections and votes.
pub fn segment(
    text: &str,
    units: &[Paragraph],
    (body_start, body_end): (usize, usize),
    style: &Style,
    diags: &mut Diagnostics,
) -> Body {
    // The last paragraph may run on into `Schluss: 12:00 Uhr` (plain text prints it on the
    // next line, no blank line between): it is cut there, not left out.
    let paras: Vec<Paragraph> = units
        .iter()
        .filter(|p| p.start >= body_start && p.start < body_end)
        .map(|p| clip(p, body_end))
        .filter(|p| !p.text.is_empty())
        .collect();
    let mut s = Segmenter::new(text, style, &paras, body_start);
    s.excerpt_start(&paras, diags);
    for p in &paras {
        s.paragraph(p);
    }
    s.finish(body_end)
}

/// `p` without what stands from `end` on.
fn clip<'a>(p: &Paragraph<'a>, end: usize) -> Paragraph<'a> {
    if p.end <= end {
        return *p;
    }
    let text = p.text[..end - p.start].trim_end();
    Paragraph {
        start: p.start,
        end: p.start + text.len(),
        text,
    }
}

/// One pass over a protocol's paragraphs: where it stands, and what it has read.
struct Segmenter<'a> {
    text: &'a str,
    chars: CharIndex<'a>,
    style: &'a Style<'a>,
    /// Speakers' names the body's labels print, longest first: reported mentions end in one.
    known: Vec<String>,
    agenda: Vec<AgendaItem>,
    contributions: Vec<Contribution>,
    interjections: Vec<Interjection>,
    item: Option<String>,
    last_number: Option<u32>,
    /// Inside the lines printed under a heading (papers, referral).
    in_block: bool,
    open: Option<Open>,
    /// A speaker whose turn runs on after a heading (`Some(None)`: an unknown one).
    carried: Option<Option<Speaker>>,
    /// Where each item's text starts: votes are read item by item.
    regions: Vec<(Option<String>, usize)>,
}

impl<'a> Segmenter<'a> {
    fn new(text: &'a str, style: &'a Style<'a>, paras: &[Paragraph], body_start: usize) -> Self {
        let mut known: Vec<String> = paras
            .iter()
            .filter_map(|p| speaker::label_at_start(p.text))
            .map(|f| f.speaker.name)
            .chain(style.chair.map(str::to_owned))
            .collect();
        known.sort_by_key(|k| std::cmp::Reverse(k.len()));
        known.dedup();
        Segmenter {
            text,
            chars: CharIndex::new(text),
            style,
            known,
            agenda: Vec::new(),
            contributions: Vec::new(),
            interjections: Vec::new(),
            item: None,
            last_number: None,
            in_block: false,
            open: None,
            carried: None,
            regions: vec![(None, body_start)],
        }
    }

    /// An excerpt that starts inside an item: its number is one less than the first heading's.
    fn excerpt_start(&mut self, paras: &[Paragraph], diags: &mut Diagnostics) {
        let first_is_prose = paras
            .first()
            .is_some_and(|p| heading(p, None).is_none() && p.text != BEFORE_AGENDA);
        if !first_is_prose {
            return;
        }
        if let Some((n, _)) = paras.iter().find_map(|p| heading(p, None)) {
            if n > 1 {
                self.item = Some((n - 1).to_string());
                self.last_number = Some(n - 1);
                self.agenda.push(AgendaItem {
                    number: (n - 1).to_string(),
                    title: None,
                    title_note: None,
                    papers: Vec::new(),
                    inferred: true,
                });
                self.regions[0].0 = self.item.clone();
                diags.push(
                    Severity::Warning,
                    paras[0].start,
                    format!(
                        "the text starts inside an agenda item; numbered {} from the next heading",
                        n - 1
                    ),
                );
            }
        }
        self.carried = Some(None);
    }

    /// One paragraph, by what it is: a heading, the lines under it, an interjection, speech.
    fn paragraph(&mut self, p: &Paragraph) {
        let found = heading(p, self.last_number)
            .or_else(|| self.late_heading(p))
            .filter(|(n, title)| self.listed(*n, title) != Some(false))
            .or_else(|| self.listed_heading(p));
        if let Some((n, title)) = found {
            self.heading(p, n, title);
            return;
        }
        if p.text == BEFORE_AGENDA {
            // A heading of its own (a blank line before and after it): the chair's turn goes
            // on under it; only an item's turn ends here.
            if self.item.is_some() {
                let speaker = close(
                    &mut self.open,
                    &self.chars,
                    p.start,
                    &mut self.contributions,
                );
                self.carried = self
                    .style
                    .turns_cross_headings
                    .then_some(speaker)
                    .flatten()
                    .map(Some);
            }
            self.item = None;
            self.regions.push((None, p.start));
            self.in_block = false;
            return;
        }
        if self.in_block {
            // `(Haushaltsgesetz 2026)` on a line of its own under the title: the title's note.
            if self.title_note(p) {
                return;
            }
            if is_heading_block(p) {
                if let Some(a) = self.agenda.last_mut() {
                    refs::merge(
                        &mut a.papers,
                        refs::papers(p.text).into_iter().map(|(_, r)| r),
                    );
                }
                return;
            }
            self.in_block = false;
        }
        if interjection::is_interjection(p.text) {
            self.interjection(p);
            return;
        }
        self.speech(p);
    }

    fn heading(&mut self, p: &Paragraph, n: u32, title: String) {
        let speaker = close(
            &mut self.open,
            &self.chars,
            p.start,
            &mut self.contributions,
        );
        // A heading right after another (plain text prints a page's headings together: 17/1's
        // `9 …` and `11 …`) closes no turn: the one carried over the first goes on.
        let closed = self
            .style
            .turns_cross_headings
            .then_some(speaker)
            .flatten()
            .map(Some);
        self.carried = closed.or(self.carried.take());
        let (title, title_note) = match TITLE_NOTE.captures(&title) {
            Some(c) if !c[1].is_empty() => (c[1].to_owned(), Some(c[2].to_owned())),
            _ => (title, None),
        };
        self.agenda.push(AgendaItem {
            number: n.to_string(),
            title: Some(title),
            title_note,
            papers: Vec::new(),
            inferred: false,
        });
        self.item = Some(n.to_string());
        self.regions.push((self.item.clone(), p.start));
        self.last_number = self.last_number.max(Some(n));
        self.in_block = true;
    }

    /// An item's heading printed after the next item's (plain `pdftotext` text reads some pages'
    /// blocks out of order: 17/1's `9 Richtlinien …` after item 10's vote): a number one or two
    /// below the last, not yet seen.
    fn late_heading(&self, p: &Paragraph) -> Option<(u32, String)> {
        let last = self.last_number?;
        heading(p, None).filter(|(n, _)| {
            *n < last && n + 2 >= last && !self.agenda.iter().any(|a| a.number == n.to_string())
        })
    }

    /// A parenthesis under an item's heading that is no interjection (`(Haushaltsgesetz
    /// 2026)`, a title's short form): the heading's note, where it has none yet.
    fn title_note(&mut self, p: &Paragraph) -> bool {
        let t = p.text.trim();
        let inner = t.strip_prefix('(').and_then(|t| t.strip_suffix(')'));
        let Some(inner) = inner.filter(|i| !i.contains(['(', ')'])) else {
            return false;
        };
        let Some(a) = self.agenda.last_mut().filter(|a| a.title_note.is_none()) else {
            return false;
        };
        if interjection::opens_event(inner) || t.starts_with("(Überweisung") || !a.papers.is_empty()
        {
            return false;
        }
        a.title_note = Some(crate::words::collapse(inner));
        true
    }

    /// Whether the table of contents lists item `n` with this title (`None`: it lists no item
    /// `n`, or there is no list).
    fn listed(&self, n: u32, title: &str) -> Option<bool> {
        let mut same = self
            .style
            .contents
            .iter()
            .filter(|i| i.number == n)
            .peekable();
        same.peek()?;
        Some(same.any(|i| i.starts(title)))
    }

    /// A heading out of the agenda's order (an item taken earlier or later than its number,
    /// items dropped between), or one whose title runs over more than four lines: one the table
    /// of contents lists by number and title, not yet seen.
    fn listed_heading(&self, p: &Paragraph) -> Option<(u32, String)> {
        heading_within(p, None, 8).filter(|(n, title)| {
            self.listed(*n, title) == Some(true)
                && !self.agenda.iter().any(|a| a.number == n.to_string())
        })
    }

    fn interjection(&mut self, p: &Paragraph) {
        let contribution = self.open.as_ref().map(|_| self.contributions.len());
        let span = self.chars.span(p.start..p.end);
        for e in interjection::read(p.text) {
            self.interjections.push(Interjection {
                item: self.item.clone(),
                contribution,
                kind: e.kind,
                qualifier: e.qualifier,
                factions: e.factions,
                persons: e.persons,
                text: e.text,
                span,
            });
        }
    }

    /// Prose: a speaker's label or reported mentions open contributions; other prose goes on
    /// with the open one (or the turn carried over a heading).
    fn speech(&mut self, p: &Paragraph) {
        let starts: Vec<(Found, bool)> = match speaker::label_at_start(p.text) {
            Some(label) => vec![(label, false)],
            None if self.style.reported_speech => {
                speaker::reported_mentions(p.text, self.style.chair, &self.known)
                    .into_iter()
                    .map(|f| (f, true))
                    .collect()
            }
            None => Vec::new(),
        };
        if starts.is_empty() {
            if self.open.is_none() {
                if let Some(speaker) = self.carried.take() {
                    self.open = Some(Open {
                        speaker,
                        reported: false,
                        start: p.start,
                        item: self.item.clone(),
                    });
                }
            }
            return;
        }
        for (i, (found, reported)) in starts.into_iter().enumerate() {
            let start = if i == 0 {
                p.start
            } else {
                p.start + found.start
            };
            close(&mut self.open, &self.chars, start, &mut self.contributions);
            self.open = Some(Open {
                speaker: Some(found.speaker),
                reported,
                start,
                item: self.item.clone(),
            });
        }
        self.carried = None;
    }

    fn finish(mut self, body_end: usize) -> Body {
        let text = self.text;
        close(
            &mut self.open,
            &self.chars,
            body_end,
            &mut self.contributions,
        );
        // Plenary votes are the chair's: members' speeches are blanked before reading them, so a
        // speaker's `Wer stimmt dem zu?` or `damals mit den Stimmen von … abgelehnt` is no vote.
        let reading = if self.style.reported_speech {
            text.to_owned()
        } else {
            blank_speeches(&self.chars, &self.contributions)
        };
        let mut votes = read_votes(
            &self.chars,
            &reading,
            &self.regions,
            body_end,
            &self.agenda,
            self.style,
        );
        let roster = without_faction(&self.contributions, &self.interjections, &votes);
        super::voters::resolve_unnamed(&mut votes, &roster);
        // An item whose heading is not printed (an excerpt) is known by the papers it votes on.
        for a in self.agenda.iter_mut().filter(|a| a.inferred) {
            let subjects = votes
                .iter()
                .filter(|v| v.item.as_ref() == Some(&a.number))
                .filter_map(|v| v.subject);
            refs::merge(&mut a.papers, subjects);
        }
        Body {
            agenda: self.agenda,
            contributions: self.contributions,
            interjections: self.interjections,
            votes,
        }
    }
}

/// The members without a faction a protocol names: speakers labelled `fraktionslos`, members
/// so named in its interjections (`[fraktionslos]`) and votes (`der fraktionslose Abgeordnete
/// Schwerd`), one each by surname, a full name before a surname alone.
pub(crate) fn without_faction(
    contributions: &[Contribution],
    interjections: &[Interjection],
    votes: &[Vote],
) -> Vec<Speaker> {
    let speakers = contributions.iter().filter_map(|c| c.speaker.as_ref());
    let calling = interjections.iter().flat_map(|i| i.persons.iter());
    let voting = votes
        .iter()
        .flat_map(|v| &v.positions)
        .filter_map(|(w, _)| match w {
            crate::model::Voter::Member(s) if !super::voters::is_unnamed(w) => Some(s),
            _ => None,
        });
    let mut roster: Vec<Speaker> = Vec::new();
    let surname = |s: &Speaker| s.name.split_whitespace().last().unwrap_or("").to_owned();
    for s in speakers
        .chain(calling)
        .chain(voting)
        .filter(|s| s.fraktionslos)
    {
        match roster.iter_mut().find(|r| surname(r) == surname(s)) {
            Some(r) if s.name.len() > r.name.len() => *r = s.clone(),
            Some(_) => {}
            None => roster.push(s.clone()),
        }
    }
    roster
}

/// Votes, item by item: committee decisions (in a committee's minutes only: a plenary speech
/// that reports one, `Der Ausschuss empfiehlt mit den Stimmen von …`, is no vote of the
/// plenary) and plenary `Wer stimmt … zu?` passages. The fallback subject is the item's first
/// Drucksache.
fn read_votes(
    chars: &CharIndex<'_>,
    reading: &str,
    regions: &[(Option<String>, usize)],
    body_end: usize,
    agenda: &[AgendaItem],
    style: &Style,
) -> Vec<Vote> {
    let when = style.when;
    let mut votes = Vec::new();
    let mut roll_calls = RollCalls::default();
    for (i, (item, start)) in regions.iter().enumerate() {
        // A heading past the body's end (in an annex) opens no region of the body.
        let end = regions.get(i + 1).map_or(body_end, |r| r.1).min(body_end);
        if *start >= end {
            continue;
        }
        let region = &reading[*start..end];
        let fallback = item
            .as_ref()
            .and_then(|n| agenda.iter().find(|a| &a.number == n))
            .and_then(|a| a.papers.iter().find(|p| p.kind == PaperKind::Drucksache));
        let mut read: Vec<vote::Read> = vote::plenary(region, fallback, when);
        if style.reported_speech {
            // A decision inside a passage of questions is its result, read already.
            let decisions = vote::decisions(region, fallback, when);
            let apart = |d: &vote::Read| read.iter().all(|r| d.end <= r.start || r.end <= d.start);
            let apart: Vec<vote::Read> = decisions.into_iter().filter(apart).collect();
            read.extend(apart);
        }
        read.extend(vote::elections(region));
        read.sort_by_key(|r| r.start);
        let opened = roll_calls.openings(region);
        let mut result_at = None;
        for r in read {
            let mut v = r.vote;
            v.item = item_of(&v, item.as_ref(), agenda);
            if v.method == VoteMethod::RollCall {
                roll_calls.announced(&mut v, region, (r.start, r.end), &opened);
                result_at = Some(r.start);
            }
            v.span = chars.span(start + r.start..start + r.end);
            votes.push(v);
        }
        roll_calls.left_open(region, &opened, result_at, item, fallback.copied());
    }
    votes
}

/// An item named by its number: `zu Tagesordnungspunkt 2`, `TOP 2`.
static ITEM_NAMED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:Tagesordnungspunkt(?:es|s)?|TOP)\s+(\d{1,3})\b").unwrap());

/// Roll calls opened in one item whose result the chair announces in a later one (the count
/// takes a while; the sitting goes on), oldest first.
#[derive(Default)]
struct RollCalls {
    pending: std::collections::VecDeque<(Option<String>, Option<PaperRef>)>,
}

impl RollCalls {
    /// Where a region opens a roll call (the chair's words: speeches are blanked): where it
    /// names one (`vote::ROLL_CALL`), not where the result is given (`Ergebnis der
    /// namentlichen Abstimmung`).
    fn openings(&self, region: &str) -> Vec<usize> {
        super::vote::ROLL_CALL
            .find_iter(region)
            .map(|m| m.start())
            .filter(|&at| !region[super::chars_before(region, at, 40)..at].contains("Ergebnis"))
            .collect()
    }

    /// A roll call's result (`region[at..end]`): opened before it in the region, it is that
    /// one. Else it is a roll call left open in an earlier item: the one whose paper or item
    /// number the announcement names (`Ergebnis der namentlichen Abstimmung zu
    /// Tagesordnungspunkt 2`), or, naming no paper, the oldest; it takes that item, and that
    /// paper where it names none.
    fn announced(
        &mut self,
        v: &mut Vote,
        region: &str,
        (at, end): (usize, usize),
        opened: &[usize],
    ) {
        if opened.iter().any(|&o| o < at) || self.pending.is_empty() {
            return;
        }
        let from = super::chars_before(region, at, 400);
        let from = region[from..at].rfind("Ergebnis").map_or(at, |e| from + e);
        let said = &region[from..end];
        let named: Option<PaperRef> = refs::papers(said)
            .into_iter()
            .map(|(_, p)| p)
            .find(|p| p.kind == PaperKind::Drucksache);
        let item = ITEM_NAMED.captures(said).map(|c| c[1].to_owned());
        let pick = self
            .pending
            .iter()
            .position(|(i, p)| {
                named.is_some_and(|n| *p == Some(n)) || (item.is_some() && *i == item)
            })
            .or_else(|| named.is_none().then_some(0));
        let Some((item, paper)) = pick.and_then(|k| self.pending.remove(k)) else {
            return;
        };
        v.item = item;
        if named.is_none() {
            v.subject = paper.or(v.subject);
            v.subject_inferred = false;
        }
    }

    /// A roll call opened after the region's last roll-call result is left open, on the paper
    /// its sentence names or else the item's.
    fn left_open(
        &mut self,
        region: &str,
        opened: &[usize],
        result_at: Option<usize>,
        item: &Option<String>,
        fallback: Option<PaperRef>,
    ) {
        let Some(&last) = opened.last() else { return };
        if result_at.is_some_and(|r| r > last) {
            return;
        }
        let sentence_end = region[last..]
            .find(['.', '?', '!'])
            .map_or(region.len(), |e| last + e);
        let from = super::chars_before(region, last, 200);
        let sentence_start = region[from..last]
            .rfind(['.', '?', '!', ':'])
            .map_or(from, |s| from + s + 1);
        let named = refs::papers(&region[sentence_start..sentence_end])
            .into_iter()
            .map(|(_, p)| p)
            .find(|p| p.kind == PaperKind::Drucksache);
        self.pending.push_back((item.clone(), named.or(fallback)));
    }
}

/// The item a vote belongs to: the one whose text holds it, unless the paper it names is
/// printed under the heading of exactly one other item (plain text can put a heading's block
/// after the next item's votes: the paper is the surer sign).
fn item_of(v: &Vote, here: Option<&String>, agenda: &[AgendaItem]) -> Option<String> {
    let listed = |a: &&AgendaItem| v.subject.is_some_and(|p| a.papers.contains(&p));
    let under: Vec<&AgendaItem> = agenda.iter().filter(listed).collect();
    let in_here = under.iter().any(|a| Some(&a.number) == here);
    match under.as_slice() {
        [other] if !v.subject_inferred && !in_here => Some(other.number.clone()),
        _ => here.cloned(),
    }
}

/// `text` with the speeches of members (not the chair's) replaced by spaces, byte for byte, so
/// offsets stay valid; but a paragraph in one that is a chair's vote (`vote::is_chair_vote`: a
/// column of the chair's that plain text read into the speech).
fn blank_speeches(chars: &CharIndex<'_>, contributions: &[Contribution]) -> String {
    let text = chars.text();
    let mut bytes = text.as_bytes().to_vec();
    let members = contributions.iter().filter(|c| {
        c.speaker
            .as_ref()
            .is_some_and(|s| !speaker::is_presiding(s))
    });
    for c in members {
        let span = chars.bytes(c.span);
        let mut at = span.start;
        for p in text[span.start..span.end].split("\n\n") {
            let end = at + p.len();
            if !super::vote::is_chair_vote(p) {
                for b in &mut bytes[at..end] {
                    if *b != b'\n' {
                        *b = b' ';
                    }
                }
            }
            at = end + 2;
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())
}

struct Open {
    speaker: Option<Speaker>,
    reported: bool,
    start: usize,
    item: Option<String>,
}

/// Ends the open contribution before `at`; returns its speaker.
fn close(
    open: &mut Option<Open>,
    chars: &CharIndex<'_>,
    at: usize,
    out: &mut Vec<Contribution>,
) -> Option<Speaker> {
    let o = open.take()?;
    let text = chars.text();
    let slice = &text[o.start..at];
    let end = o.start + slice.trim_end().len();
    let mentions = {
        let mut m = Vec::new();
        refs::merge(
            &mut m,
            refs::papers(&text[o.start..end])
                .into_iter()
                .map(|(_, r)| r),
        );
        m
    };
    out.push(Contribution {
        item: o.item,
        speaker: o.speaker.clone(),
        reported: o.reported,
        written: false,
        span: chars.span(o.start..end),
        mentions,
    });
    o.speaker
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A label broken before its faction (a narrow column) is one unit with its speech; an
    /// interjection opening a line is a unit of its own.
    /// The texts of `text`'s units, in order.
    fn unit_texts(text: &str) -> Vec<&str> {
        units(text).iter().map(|u| u.text).collect()
    }

    #[test]
    fn a_label_broken_over_two_lines_opens_one_unit() {
        let text = "Ich darf fragen: Nehmen Sie die Wahl an?\nVizepräsident Oliver Keymis\n(GRÜNE): Ja! Vielen Dank!\n(Beifall von der CDU)\nWeiter.";
        let units = unit_texts(text);
        assert_eq!(
            units,
            [
                "Ich darf fragen: Nehmen Sie die Wahl an?",
                "Vizepräsident Oliver Keymis\n(GRÜNE): Ja! Vielen Dank!",
                "(Beifall von der CDU)",
                "Weiter."
            ]
        );
    }

    #[test]
    fn a_label_broken_over_three_lines_opens_one_unit() {
        let text = "Präsident André Kuper: Frau Ministerin\nPaul.\nJosefine Paul, Ministerin für Kinder,\nJugend, Familie, Gleichstellung,\nFlucht und Integration: Herr\nPräsident! Wir bauen aus.\n(Beifall von den GRÜNEN)";
        let read = unit_texts(text);
        assert_eq!(
            read,
            [
                "Präsident André Kuper: Frau Ministerin\nPaul.",
                "Josefine Paul, Ministerin für Kinder,\nJugend, Familie, Gleichstellung,\nFlucht und Integration: Herr\nPräsident! Wir bauen aus.",
                "(Beifall von den GRÜNEN)",
            ]
        );
        // Prose with a colon on its first line opens no label below it.
        let prose = "Ich sage Ihnen:\nJosefine Paul, Ministerin für Kinder, hat recht.";
        assert_eq!(units(prose).len(), 1);
    }

    #[test]
    fn a_label_a_blank_line_cuts_opens_one_unit() {
        let text = "Präsidentin Carina Gödecke: Herr Staatssekretär.\n\nBernd Berger, Staatssekretär im Ministerium für Inneres und\n\nKommunales: Frau Präsidentin! Wir helfen.\n\nWeiter im Text.";
        let read = unit_texts(text);
        assert_eq!(read.len(), 3, "{read:?}");
        assert!(read[1].starts_with("Bernd Berger") && read[1].ends_with("Wir helfen."));
        // A line of prose before a blank line stays apart.
        let prose = "Wir danken dem Ministerium für Inneres und\n\nKommunales ist wichtig.";
        assert_eq!(units(prose).len(), 2);
    }

    #[test]
    fn a_parenthesis_a_blank_line_cuts_is_one_unit() {
        let text = "Wir bauen aus.\n\n(Beifall von den GRÜNEN – Zuruf von der AfD: Wer soll das bezahlen? –\n\nGegenruf von Gerd Gärtner [GRÜNE]: Das Land!)\n\nWeiter.";
        let read = unit_texts(text);
        assert_eq!(read.len(), 3, "{read:?}");
        assert!(read[1].starts_with("(Beifall") && read[1].ends_with("Das Land!)"));
        // A parenthesis left open stays as it is: the prose after it is no part of it.
        let open = "(Beifall von den GRÜNEN –\n\nWir bauen aus. Weiter.";
        assert_eq!(units(open).len(), 2);
    }

    /// Each contribution's item and speaker's name, in order.
    fn turns_of(body: &Body) -> Vec<(Option<&str>, &str)> {
        body.contributions
            .iter()
            .map(|c| {
                let who = c.speaker.as_ref().map_or("", |s| s.name.as_str());
                (c.item.as_deref(), who)
            })
            .collect()
    }

    #[test]
    fn before_the_agenda_as_a_heading_of_its_own_keeps_the_chairs_turn() {
        let text = "Beginn: 10:00 Uhr\nPräsidentin Carina Gödecke: Ich eröffne die Sitzung.\n\nVor Eintritt in die Tagesordnung\n\nDie Fraktion der CDU hat beantragt, Punkt 5 abzusetzen.\n\nIch rufe auf:\n\n1 Gute Radwege\n\nAntrag der Fraktion der GRÜNEN\n\nDrucksache 16/10301\n\nIch eröffne die Aussprache.\n\nBernd Berg (GRÜNE): Wege!";
        let body = body_of(text, Some(16), false);
        let turns = turns_of(&body);
        assert_eq!(
            turns,
            [
                (None, "Carina Gödecke"),
                (Some("1"), "Carina Gödecke"),
                (Some("1"), "Bernd Berg")
            ]
        );
    }

    #[test]
    fn a_heading_right_after_another_keeps_the_turn_carried_over_both() {
        let text = "Beginn: 10:00 Uhr\nPräsident André Kuper: Wir kommen zu:\n\n1 Erste Sache\n\nAntrag\nDrucksache 17/9\n\n3 Dritte Sache\n\nAntrag\nDrucksache 17/11\n\nEine Aussprache ist nicht vorgesehen.";
        let body = body_of(text, Some(17), false);
        let turns = turns_of(&body);
        assert_eq!(turns, [(None, "André Kuper"), (Some("3"), "André Kuper")]);
    }

    /// A plenary body from `Beginn:` to the end, read in `wahlperiode` with the contents list
    /// above it where `listed`.
    fn body_of(text: &str, wahlperiode: Option<u32>, listed: bool) -> Body {
        let begin = text.find("Beginn:").unwrap();
        // As the plenary reader does: the body from the first unit after the `Beginn:` line.
        let body_start = begin + text[begin..].find('\n').unwrap_or(0);
        let contents = if listed {
            toc::items(text, body_start)
        } else {
            Vec::new()
        };
        let style = Style {
            reported_speech: false,
            turns_cross_headings: true,
            chair: None,
            when: vote::When {
                wahlperiode,
                date: None,
            },
            contents: &contents,
        };
        let units = units(text);
        let body_start = units
            .iter()
            .find(|p| p.start >= body_start)
            .map_or(body_start, |p| p.start);
        let mut diags = Diagnostics::new(text);
        segment(text, &units, (body_start, text.len()), &style, &mut diags)
    }

    /// The items a body gives, read with the table of contents above it.
    fn items_of(text: &str) -> Vec<String> {
        let body = body_of(text, None, true);
        body.agenda.into_iter().map(|a| a.number).collect()
    }

    /// Items taken out of their numbers' order (8 before 3, 4 after it) are headings the table
    /// of contents lists; a speech's line that looks like the next heading (`4 Milliarden …`)
    /// is not one, as the list gives item 4 another title.
    #[test]
    fn the_table_of_contents_knows_headings_out_of_order() {
        let text = "1 Erste Sache ........ 1\nAnna Alt (SPD) ........ 1\n\
                    3 Dritte Sache\nAntrag ........ 2\n4 Vierte Sache ........ 3\n\
                    8 Achte Sache ........ 4\n\nBeginn: 10:00 Uhr\n\n\
                    Ich rufe auf:\n\n1 Erste Sache\n\nAnna Alt (SPD): Wir reden.\n\n\
                    Ich rufe auf:\n\n8 Achte Sache\n\nAnna Alt (SPD): Wir reden weiter.\n\n\
                    Ich rufe auf:\n\n3 Dritte Sache\n\nAnna Alt (SPD): Es fehlen\n\n\
                    4 Milliarden Euro für die Kommunen\n\n(Beifall von der SPD)\n\n\
                    Ich rufe auf:\n\n4 Vierte Sache\n\nAnna Alt (SPD): Zuletzt.\n";
        assert_eq!(items_of(text), ["1", "8", "3", "4"]);
    }

    /// `(item, subject, roll call)` of each vote a body gives.
    fn votes_of(text: &str) -> Vec<(String, String, bool)> {
        let body = body_of(text, None, false);
        let printed = |v: &Vote| v.subject.map_or(String::new(), |p| p.printed());
        body.votes
            .iter()
            .map(|v| {
                (
                    v.item.clone().unwrap_or_default(),
                    printed(v),
                    v.method == VoteMethod::RollCall,
                )
            })
            .collect()
    }

    /// A roll call opened in item 2 whose result the chair gives during item 3, naming
    /// neither the paper nor the item's number: it is item 2's vote on item 2's paper; the vote
    /// of item 3 keeps its own.
    #[test]
    fn a_roll_calls_result_given_in_a_later_item_belongs_to_its_item() {
        let opened = "Beginn: 10:00 Uhr\n\nIch rufe auf:\n\n2 Gesetz über die Sparkassen\n\n\
            Gesetzentwurf\nder Landesregierung\nDrucksache 16/9800\n\n\
            Präsidentin Carina Gödecke: Die Fraktion der CDU hat eine namentliche Abstimmung \
            beantragt. Ich bitte, mit dem Namensaufruf zu beginnen.\n\n\
            (Der Namensaufruf erfolgt.)\n\n\
            Präsidentin Carina Gödecke: Wir fahren fort, bis ausgezählt ist.\n\n\
            Ich rufe auf:\n\n3 Bessere Radwege\n\nAntrag\nder Fraktion der GRÜNEN\n\
            Drucksache 16/10301\n\n";
        let announced = "Präsidentin Carina Gödecke: Ich gebe das Ergebnis der namentlichen \
            Abstimmung bekannt. Ihre Stimme abgegeben haben 220 Abgeordnete. Mit Ja stimmten \
            120 Abgeordnete, mit Nein 100 Abgeordnete. Damit ist der Gesetzentwurf angenommen.\n\n";
        let own = "Wir kommen zur Abstimmung über den Antrag Drucksache 16/10301. Wer stimmt \
            zu? – SPD und Grüne. Wer stimmt dagegen? – CDU und FDP. Damit ist der Antrag \
            angenommen.\n";
        let roll_call = ("2".to_owned(), "16/9800".to_owned(), true);
        let item_3 = ("3".to_owned(), "16/10301".to_owned(), false);
        let text = format!("{opened}{announced}{own}");
        assert_eq!(votes_of(&text), [roll_call.clone(), item_3.clone()]);
        // Given right after the count, in its own item, it was so before.
        let text = format!(
            "{}{announced}{}{own}",
            &opened[..opened.find("Präsidentin Carina Gödecke: Wir").unwrap()],
            &opened[opened.find("Ich rufe auf:\n\n3").unwrap()..]
        );
        assert_eq!(votes_of(&text), [roll_call, item_3]);
    }

    /// Three roll calls left open (items 2, 3 and 5), their results given in item 6: the first
    /// named by its paper, the second by its item's number, the third by nothing (the one
    /// still open).
    #[test]
    fn roll_calls_left_open_are_known_by_paper_item_number_or_order() {
        let item = |n: u32| {
            format!(
                "Ich rufe auf:\n\n{n} Sache Nummer {n}\n\nAntrag\nder Fraktion der CDU\n\
                 Drucksache 18/{n}00\n\nPräsident André Kuper: Die Fraktion der SPD hat \
                 namentliche Abstimmung beantragt. Wir stimmen namentlich ab.\n\n\
                 (Der Namensaufruf erfolgt.)\n\n"
            )
        };
        let result = |about: &str, yes: u32| {
            format!(
                "Präsident André Kuper: Ich gebe das Ergebnis der namentlichen Abstimmung \
                 {about}bekannt. Abgegeben wurden 190 Stimmen. Mit Ja stimmten {yes} \
                 Abgeordnete, mit Nein {} Abgeordnete. Damit ist der Antrag abgelehnt.\n\n",
                190 - yes
            )
        };
        let text = format!(
            "Beginn: 10:00 Uhr\n\n{}{}{}Ich rufe auf:\n\n6 Sache Nummer 6\n\nAntrag\n\
             der Fraktion der FDP\nDrucksache 18/600\n\n{}{}{}",
            item(2),
            item(3),
            item(5),
            result("über den Antrag Drucksache 18/300 ", 80),
            result("zu Tagesordnungspunkt 5 ", 81),
            result("", 82),
        );
        let roll_call = |n: &str, paper: &str| (n.to_owned(), paper.to_owned(), true);
        assert_eq!(
            votes_of(&text),
            [
                roll_call("3", "18/300"),
                roll_call("5", "18/500"),
                roll_call("2", "18/200")
            ]
        );
    }

    /// A motion on the procedure inside an item (`Schluss der Aussprache`) votes on no paper;
    /// the item's vote after it is on the item's paper.
    #[test]
    fn a_motion_on_the_procedure_votes_on_no_paper() {
        let text =
            "Beginn: 10:00 Uhr\n\nIch rufe auf:\n\n4 Sache\n\nAntrag\nder Fraktion der FDP\n\
                    Drucksache 18/400\n\nPräsident André Kuper: Die Fraktion der CDU hat den \
                    Schluss der Aussprache beantragt. Darüber lasse ich abstimmen. Wer stimmt zu? \
                    – CDU und Grüne. Wer stimmt dagegen? – SPD, FDP und AfD. Damit ist der Antrag \
                    angenommen. Wir kommen zur Abstimmung über den Antrag. Wer stimmt zu? – Die \
                    FDP. Wer stimmt dagegen? – CDU, Grüne, SPD und AfD. Damit ist der Antrag \
                    abgelehnt.\n";
        assert_eq!(
            votes_of(text),
            [
                ("4".to_owned(), String::new(), false),
                ("4".to_owned(), "18/400".to_owned(), false)
            ]
        );
    }

    /// A member without a faction the chair counts but does not name (`der fraktionslose
    /// Abgeordnete`) is the one the protocol names so (a speaker labelled `fraktionslos`); two
    /// counted where it names one are dropped, and the vote doubted.
    #[test]
    fn members_counted_but_not_named_are_the_protocols_own() {
        let text = |answer: &str| {
            format!(
                "Beginn: 10:00 Uhr\n\nIch rufe auf:\n\n4 Sache\n\nAntrag\nder Fraktion der FDP\n\
                 Drucksache 16/400\n\nDaniel Schwerd (fraktionslos): Ich stimme zu.\n\n\
                 Präsidentin Carina Gödecke: Wer stimmt dem Antrag zu? – {answer} Wer stimmt \
                 dagegen? – SPD, Grüne, CDU und Piraten. Damit ist der Antrag abgelehnt.\n"
            )
        };
        let members = |t: &str| -> Vec<String> {
            body_of(t, Some(16), false).votes[0]
                .positions
                .iter()
                .filter_map(|(w, _)| match w {
                    crate::model::Voter::Member(s) => Some(s.name.clone()),
                    crate::model::Voter::Faction(_) => None,
                })
                .collect()
        };
        let one = text("Die FDP und der fraktionslose Abgeordnete.");
        assert_eq!(members(&one), ["Daniel Schwerd"]);
        let two = text("Die FDP und die beiden fraktionslosen Abgeordneten.");
        assert_eq!(members(&two), Vec::<String>::new());
    }
}
