//! Normalised text → typed document model (`landtag_model::model`), plus diagnostics.
//!
//! A parser never gives up on a document: it returns what it understood and a list of
//! diagnostics with their positions; the caller decides what is fatal (`Severity::Error`
//! means the document cannot be identified or published as it stands). Parsers know nothing
//! of RDF.

pub mod amount;
pub mod checks;
pub mod cited;
mod committee;
mod drucksache;
pub mod election;
pub mod funding;
pub mod fuzzing;
pub mod interjection;
pub mod phrases;
mod plenary;
pub mod programme;
mod protocol;
mod record;
pub mod refs;
pub mod reread;
pub mod rollcall;
pub mod sentence;
pub mod speaker;
pub mod tally;
mod toc;
pub mod vote;
pub mod voters;

/// The layers below, under the names the parsers have always used for them.
pub(crate) use landtag_model::{lexicon, members, model, words};
pub(crate) use landtag_text::{normalize, pdf};

use crate::model::{Document, DocumentKind};
use crate::normalize::Normalized;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Severity {
    /// The document cannot be stored as it stands.
    Error,
    /// Something was not understood; the rest stands.
    Warning,
}

/// What a parser could not understand, and where (line of the normalised text, 1-based).
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub line: usize,
    pub message: String,
}

/// A parse result: the document if its kind was recognised, and what went wrong.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub document: Option<Document>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }
}

/// Collects diagnostics with line numbers computed from byte offsets.
pub(crate) struct Diagnostics<'a> {
    text: &'a str,
    pub list: Vec<Diagnostic>,
}

impl<'a> Diagnostics<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            list: Vec::new(),
        }
    }
    pub fn push(&mut self, severity: Severity, offset: usize, message: impl Into<String>) {
        let offset = offset.min(self.text.len());
        let line = self.text[..offset].matches('\n').count() + 1;
        self.list.push(Diagnostic {
            severity,
            line,
            message: message.into(),
        });
    }
}

/// Recognises the document's kind from its first page and parses it.
pub fn parse(normalized: &Normalized) -> Parsed {
    let text = normalized.text.as_str();
    let mut diags = Diagnostics::new(text);
    let mut document = match detect(normalized) {
        Some(DocumentKind::Drucksache) => Some(drucksache::parse(text, &mut diags)),
        Some(DocumentKind::Ausschussprotokoll) => Some(committee::parse(text, &mut diags)),
        Some(DocumentKind::Plenarprotokoll) => Some(plenary::parse(normalized, &mut diags)),
        Some(DocumentKind::Beschlussprotokoll) => Some(record::parse(text, &mut diags)),
        None => {
            diags.push(
                Severity::Error,
                0,
                "not a document of the Landtag NRW this tool reads: no Drucksache title block, \
                 no committee protocol head (`61. Sitzung (öffentlich)`), no plenary protocol or \
                 Beschlussprotokoll head",
            );
            None
        }
    };
    if let Some(doc) = &mut document {
        doc.pages = normalized.pages.clone();
        // Members counted but not named: resolved where the protocol was read (before its
        // checks); here for every other kind, and none is ever left to the mapping.
        let roster = protocol::without_faction(&doc.contributions, &doc.interjections, &doc.votes);
        voters::resolve_unnamed(&mut doc.votes, &roster);
        shared_readers(doc, text);
        read_ministries(doc);
        if doc.wahlperiode.is_none()
            || (doc.id.is_none() && doc.meeting.as_ref().and_then(|m| m.session).is_none())
        {
            diags.push(
                Severity::Error,
                0,
                "cannot identify the document: no electoral period and number (or session) found",
            );
        }
    }
    Parsed {
        document,
        diagnostics: diags.list,
    }
}

/// The ministries the document's speakers speak for and its answer comes from, read in its
/// period: the mapping takes them as they are.
fn read_ministries(doc: &mut Document) {
    let period = doc.wahlperiode;
    for c in &mut doc.contributions {
        if let Some(s) = &mut c.speaker {
            s.speaks_for = speaker::speaks_for(s, period);
        }
    }
    if let Some(a) = &mut doc.answer_to {
        let named = |r: &String| speaker::ministry_named(r, period);
        a.answering_ministry = a.answered_by.as_ref().and_then(named);
        a.agreeing_ministries = a.in_agreement_with.iter().filter_map(named).collect();
    }
}

/// The readers every kind of document shares: cited papers, counts, persons mentioned.
fn shared_readers(doc: &mut Document, text: &str) {
    // A Drucksache's own head (`Antrag der Fraktion der SPD`) came with the document.
    let others: Vec<_> = cited::cited(text)
        .into_iter()
        .filter(|c| doc.id.as_ref() != Some(&c.paper))
        .collect();
    doc.cited.extend(others);
    // The movers of each paper voted on, now that the document's papers are known.
    let movers = checks::movers(&doc.votes, &doc.cited);
    doc.checks.extend(movers);
    doc.figures = figures(doc, text);
    if doc.kind != DocumentKind::Drucksache {
        doc.mentioned_persons = mentioned_persons(doc, text);
    }
}

/// Counts, tied to the programmes the document names.
fn figures(doc: &Document, text: &str) -> Vec<crate::model::Figure> {
    let named: Vec<programme::Programme> = doc
        .programmes
        .iter()
        .map(|p| p.name.clone())
        .chain(doc.funding.iter().map(|f| f.programme.clone()))
        .map(|name| programme::Programme {
            name,
            ..programme::Programme::default()
        })
        .collect();
    programme::figures(&crate::model::CharIndex::new(text), &named, doc.date)
}

/// Members of the government the text names who do not speak.
fn mentioned_persons(doc: &Document, text: &str) -> Vec<crate::model::Speaker> {
    let speakers: Vec<&str> = doc
        .contributions
        .iter()
        .filter_map(|c| Some(c.speaker.as_ref()?.name.as_str()))
        .collect();
    // A speaker's surname is no given name: `Minister Liminski Fragen …`.
    let surnames: Vec<&str> = speakers
        .iter()
        .filter_map(|n| n.rsplit(' ').next())
        .collect();
    speaker::government_mentions(text)
        .into_iter()
        .filter(|m| !speakers.contains(&m.name.as_str()))
        .filter(|m| {
            !surnames
                .iter()
                .any(|s| m.name.starts_with(&format!("{s} ")))
        })
        .collect()
}

/// A plenary protocol's number as its first page and running heads print it.
static PLENARY_NUMBER: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"Plenarprotokoll\s+\d{1,2}\s*/\s*\d+").unwrap());
/// The session its first page names (`115. Sitzung`): a note that merely names a protocol
/// (`the Landtag's Plenarprotokoll 18/115`) is no protocol.
static SESSION: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\d+\.\s*Sitzung").unwrap());

/// A Beschlussprotokoll's head: its name, or its number (`PlBPr 18/56`).
static RECORD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?m)^\s*Beschlussprotokoll\s*$|PlBPr\.?\s*\d{1,2}\s*/\s*\d+").unwrap()
});

fn detect(normalized: &Normalized) -> Option<DocumentKind> {
    let head: String = normalized.text.chars().take(600).collect();
    if RECORD.is_match(&head) && SESSION.is_match(&head) {
        Some(DocumentKind::Beschlussprotokoll)
    } else if drucksache::TITLE_BLOCK.is_match(&head) {
        Some(DocumentKind::Drucksache)
    } else if committee::SESSION_LINE.is_match(&head) && head.contains("Ausschuss") {
        Some(DocumentKind::Ausschussprotokoll)
    } else if (PLENARY_NUMBER.is_match(&head) && SESSION.is_match(&head))
        || normalized
            .running_heads
            .iter()
            .any(|h| PLENARY_NUMBER.is_match(h))
    {
        Some(DocumentKind::Plenarprotokoll)
    } else {
        None
    }
}

/// The largest char boundary of `text` at or before byte `at`.
/// The byte offset `chars` characters after `at` (or the end): windows are measured in
/// characters, so a passage of umlauts reaches as far as one without.
pub(crate) fn chars_after(text: &str, at: usize, chars: usize) -> usize {
    let at = floor_boundary(text, at);
    text[at..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| at + i)
}

/// The byte offset `chars` characters before `at` (or the start).
pub(crate) fn chars_before(text: &str, at: usize, chars: usize) -> usize {
    let at = floor_boundary(text, at);
    match chars {
        0 => at,
        n => text[..at]
            .char_indices()
            .rev()
            .nth(n - 1)
            .map_or(0, |(i, _)| i),
    }
}

pub(crate) fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
