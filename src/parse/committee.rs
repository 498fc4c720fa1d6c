//! Committee protocols (Ausschussprotokolle): the head (committee, session, date, times,
//! chair, minute-taker), the table of contents, and the body up to the signature (`gez.`).
//! Attachments after the signature are not read as speech.

use super::protocol::{self, Style};
use super::refs::{self, first_date, wahlperiode_on};
use super::{Diagnostics, Severity};
use crate::model::{Body, Document, DocumentKind, Meeting, Speaker};
use crate::normalize::paragraphs;
use regex::Regex;
use std::sync::LazyLock;

pub static SESSION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^(\d+)\.\s+Sitzung\s+\((öffentlich|nicht öffentlich)\)").unwrap()
});
static TIMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^(\d{1,2})[:.](\d{2})\s+Uhr\s+bis\s+(\d{1,2})[:.](\d{2})\s+Uhr").unwrap()
});
static CHAIR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^Vorsitz:\s+(.+?)(?:\s+\(([^()]+)\))?\s*$").unwrap());
static MINUTES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^Protokoll:\s+(.+?)\s*$").unwrap());
static TOC_ENTRY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^(\d{1,3})\s.*\s(\d{1,3})$").unwrap());

const TOC_START: &str = "Verhandlungspunkte und Ergebnisse:";

pub fn parse(text: &str, diags: &mut Diagnostics) -> Document {
    let session = SESSION_LINE.captures(text);
    let session_at = session.as_ref().map_or(0, |c| c.get(0).unwrap().start());
    let head_end = text
        .find(TOC_START)
        .unwrap_or_else(|| super::floor_boundary(text, 2000));
    let head = &text[..head_end.max(session_at)];

    let committee = head[..session_at]
        .lines()
        .map(str::trim)
        .find(|l| l.contains("Ausschuss") || l.contains("ausschuss"))
        .map(str::to_owned);
    if committee.is_none() {
        diags.push(
            Severity::Warning,
            0,
            "no committee name before the session line",
        );
    }
    let after_session = &head[session_at..];
    let date = first_date(after_session).map(|(_, d)| d);
    let times = TIMES.captures(head);
    let place = after_session
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .find(|l| first_date(l).is_none() && !TIMES.is_match(l) && !l.contains(':'))
        .map(str::to_owned);
    let chair = CHAIR.captures(head).map(|c| Speaker {
        name: c[1].to_owned(),
        honorific: None,
        faction: c
            .get(2)
            .and_then(|f| speaker::faction_from_label(f.as_str())),
        fraktionslos: c.get(2).is_some_and(|f| f.as_str() == "fraktionslos"),
        role: Some("Vorsitz".to_owned()),
        ministry: None,
        unreviewed: false,
    });
    let minute_taker = MINUTES.captures(head).map(|c| c[1].to_owned());

    // The body starts where the contents end: at `Vor Eintritt in die Tagesordnung` or at the
    // first item heading without a page number; it ends at the chair's signature.
    let paras = paragraphs(text);
    let body_start = paras
        .iter()
        .filter(|p| p.start > head_end)
        .find(|p| {
            p.text == "Vor Eintritt in die Tagesordnung"
                || (p.text.starts_with("1 ") && !TOC_ENTRY.is_match(p.text))
        })
        .map_or_else(
            || {
                diags.push(
                    Severity::Warning,
                    head_end,
                    "no start of the body found after the contents",
                );
                head_end
            },
            |p| p.start,
        );
    let body_end = paras
        .iter()
        .find(|p| p.start > body_start && p.text.starts_with("gez. "))
        .map_or(text.len(), |p| p.start);
    let toc_items = TOC_ENTRY
        .find_iter(&text[head_end.min(body_start)..body_start])
        .count();

    let style = Style {
        reported_speech: true,
        turns_cross_headings: false,
        chair: chair.as_ref().map(|c| c.name.as_str()),
        wahlperiode: date.as_deref().and_then(wahlperiode_on),
    };
    let body = protocol::segment(text, body_start, body_end, &style, diags);
    if toc_items > 0 && toc_items != body.agenda.len() {
        diags.push(
            Severity::Warning,
            body_start,
            format!(
                "the contents list {toc_items} numbered items, the body {}",
                body.agenda.len()
            ),
        );
    }

    let wahlperiode = date.as_deref().and_then(wahlperiode_on);
    let number = session.as_ref().and_then(|c| c[1].parse().ok());
    let mut mentions = Vec::new();
    refs::merge(
        &mut mentions,
        refs::papers(text).into_iter().map(|(_, r)| r),
    );
    let title = committee.as_ref().map(|c| match number {
        Some(n) => format!("{c}, {n}. Sitzung"),
        None => c.clone(),
    });
    Document {
        kind: DocumentKind::Ausschussprotokoll,
        wahlperiode,
        number: None,
        date: date.clone(),
        issued: None,
        title,
        subtype: None,
        answer_to: None,
        meeting: Some(Meeting {
            body: Body::Committee {
                name: committee.unwrap_or_default(),
            },
            session: number,
            public: session.as_ref().map(|c| &c[2] == "öffentlich"),
            date,
            start: times.as_ref().map(|c| format!("{:0>2}:{}", &c[1], &c[2])),
            end: times.as_ref().map(|c| format!("{:0>2}:{}", &c[3], &c[4])),
            place,
            chairs: chair.into_iter().collect(),
            minute_taker,
        }),
        agenda: body.agenda,
        contributions: body.contributions,
        interjections: body.interjections,
        votes: body.votes,
        mentions,
        text: text.to_owned(),
        pages: Vec::new(),
        mentioned_persons: Vec::new(),
        funding: Vec::new(),
        questions: Vec::new(),
        programmes: Vec::new(),
        figures: Vec::new(),
    }
}

use super::speaker;
