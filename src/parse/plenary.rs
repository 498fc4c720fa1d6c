//! Plenary protocols (Plenarprotokolle): number, date and times from the first page or, in an
//! excerpt, from the running heads; the body from `Beginn:` (or the first line) to `Schluss:`.

use super::protocol::{self, Style};
use super::refs::{self, first_date, wahlperiode_on};
use super::speaker::is_presiding;
use super::{Diagnostics, Severity};
use crate::model::{Body, Document, DocumentKind, Meeting};
use crate::normalize::{paragraphs, Normalized};
use regex::Regex;
use std::sync::LazyLock;

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"Plenarprotokoll\s+(\d{1,2})/(\d{1,4})").unwrap());
static BEGIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^Beginn:\s+(\d{1,2})[:.](\d{2})\s+Uhr").unwrap());
static END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^Schluss:\s+(\d{1,2})[:.](\d{2})\s+Uhr").unwrap());

pub fn parse(normalized: &Normalized, diags: &mut Diagnostics) -> Document {
    let text = normalized.text.as_str();
    let head: String = text.chars().take(1500).collect();
    // The first page when there is one, else the running heads (an excerpt).
    let from_head = NUMBER
        .captures(&head)
        .map(|c| (c[1].to_owned(), c[2].to_owned()));
    let from_running = normalized.running_heads.iter().find_map(|h| {
        NUMBER
            .captures(h)
            .map(|c| (c[1].to_owned(), c[2].to_owned()))
    });
    let (wp, session) = match from_head.or(from_running) {
        Some(n) => n,
        None => {
            diags.push(
                Severity::Error,
                0,
                "no plenary protocol number (`Plenarprotokoll 18/15`) found",
            );
            (String::new(), String::new())
        }
    };
    let date = first_date(&head).map(|(_, d)| d).or_else(|| {
        normalized
            .running_heads
            .iter()
            .find_map(|h| first_date(h).map(|(_, d)| d))
    });
    let wahlperiode = wp
        .parse()
        .ok()
        .or_else(|| date.as_deref().and_then(wahlperiode_on));

    let begin = BEGIN.captures(text);
    let end = END.captures(text);
    let body_start = begin.as_ref().map_or(0, |c| c.get(0).unwrap().end());
    let body_end = end
        .as_ref()
        .map_or(text.len(), |c| c.get(0).unwrap().start());
    if end.is_none() {
        diags.push(
            Severity::Warning,
            text.len(),
            "no `Schluss:` line: the protocol may be cut short",
        );
    }
    let body_start = paragraphs(text)
        .into_iter()
        .find(|p| p.start >= body_start)
        .map_or(body_start, |p| p.start);

    let style = Style {
        reported_speech: false,
        turns_cross_headings: true,
        chair: None,
        wahlperiode,
    };
    let body = protocol::segment(text, body_start, body_end, &style, diags);
    let mut chairs = Vec::new();
    for c in &body.contributions {
        if let Some(s) = &c.speaker {
            if s.role.as_deref().is_some_and(is_presiding)
                && !chairs
                    .iter()
                    .any(|x: &crate::model::Speaker| x.name == s.name)
            {
                chairs.push(s.clone());
            }
        }
    }
    let mut mentions = Vec::new();
    refs::merge(
        &mut mentions,
        refs::papers(text).into_iter().map(|(_, r)| r),
    );
    let number = (!wp.is_empty()).then(|| format!("{wp}/{session}"));
    Document {
        kind: DocumentKind::Plenarprotokoll,
        wahlperiode,
        title: number.as_ref().map(|n| format!("Plenarprotokoll {n}")),
        number,
        date: date.clone(),
        issued: None,
        subtype: None,
        answer_to: None,
        meeting: Some(Meeting {
            body: Body::Plenum,
            session: session.parse().ok(),
            public: Some(true),
            date,
            start: begin.as_ref().map(|c| format!("{:0>2}:{}", &c[1], &c[2])),
            end: end.as_ref().map(|c| format!("{:0>2}:{}", &c[1], &c[2])),
            place: None,
            chairs,
            minute_taker: None,
        }),
        agenda: body.agenda,
        contributions: body.contributions,
        interjections: body.interjections,
        votes: body.votes,
        mentions,
        text: text.to_owned(),
    }
}
