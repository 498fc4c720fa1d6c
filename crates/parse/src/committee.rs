//! Committee protocols (Ausschussprotokolle): the head (committee, session, date, times,
//! chair, minute-taker), the table of contents, and the body up to the signature (`gez.`).
//! Attachments after the signature are not read as speech.

use super::protocol::{self, Style};
use super::refs::{self, first_date, wahlperiode_on};
use super::{Diagnostics, Severity};
use crate::model::{Body, Date, Document, DocumentKind, Meeting, Speaker};
use crate::normalize::Paragraph;
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
    let h = head(text, diags);
    let (head_end, date, chair) = (h.end, h.date, h.chair.clone());
    let units = protocol::units(text);
    let (body_start, body_end) = body_range(text, &units, head_end, diags);
    let toc_items = TOC_ENTRY
        .find_iter(&text[head_end.min(body_start)..body_start])
        .count();

    let style = Style {
        reported_speech: true,
        turns_cross_headings: false,
        chair: chair.as_ref().map(|c| c.name.as_str()),
        when: super::vote::When {
            wahlperiode: date.and_then(wahlperiode_on),
            date,
        },
        contents: &[],
    };
    let body = protocol::segment(text, &units, (body_start, body_end), &style, diags);
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

    let wahlperiode = date.and_then(wahlperiode_on);
    let when = style.when;
    let number = h.session;
    let mentions = refs::mentions(text);
    let title = h.committee.as_ref().map(|c| match number {
        Some(n) => format!("{c}, {n}. Sitzung"),
        None => c.clone(),
    });
    Document {
        wahlperiode,
        date,
        title,
        meeting: Some(Meeting {
            body: Body::Committee {
                name: h.committee.unwrap_or_default(),
            },
            session: number,
            public: h.public,
            date,
            start: h.start,
            end: h.end_time,
            place: h.place,
            chairs: chair.into_iter().collect(),
            minute_taker: h.minute_taker,
        }),
        agenda: body.agenda,
        contributions: body.contributions,
        interjections: body.interjections,
        checks: committee_checks(text, &body.votes, when),
        votes: body.votes,
        mentions,
        attachments: attachments(text, body_end),
        ..Document::empty(DocumentKind::Ausschussprotokoll, text)
    }
}

/// The committee's votes checked (`checks.rs`), and read a second time by their words alone.
fn committee_checks(
    text: &str,
    votes: &[crate::model::Vote],
    when: super::vote::When,
) -> Vec<crate::model::Check> {
    let mut checks = super::checks::votes(votes, when);
    let chars = crate::model::CharIndex::new(text);
    checks.extend(super::checks::reread(&chars, votes, when));
    checks.extend(super::checks::unnamed_members(&chars, votes));
    checks
}

/// What a committee protocol's first page says: committee, session, date, times, place,
/// chair and minute-taker; `end` is where the contents list starts.
struct Head {
    end: usize,
    committee: Option<String>,
    session: Option<u32>,
    public: Option<bool>,
    date: Option<Date>,
    start: Option<String>,
    end_time: Option<String>,
    place: Option<String>,
    chair: Option<Speaker>,
    minute_taker: Option<String>,
}

fn head(text: &str, diags: &mut Diagnostics) -> Head {
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
    let times = TIMES.captures(head);
    Head {
        end: head_end,
        committee,
        session: session.as_ref().and_then(|c| c[1].parse().ok()),
        public: session.as_ref().map(|c| &c[2] == "öffentlich"),
        date: first_date(after_session).map(|(_, d)| d),
        start: times.as_ref().map(|c| format!("{:0>2}:{}", &c[1], &c[2])),
        end_time: times.as_ref().map(|c| format!("{:0>2}:{}", &c[3], &c[4])),
        place: after_session
            .lines()
            .skip(1)
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .find(|l| first_date(l).is_none() && !TIMES.is_match(l) && !l.contains(':'))
            .map(str::to_owned),
        chair: CHAIR.captures(head).map(|c| Speaker {
            name: c[1].to_owned(),
            faction: c
                .get(2)
                .and_then(|f| speaker::faction_from_label(f.as_str())),
            fraktionslos: c.get(2).is_some_and(|f| f.as_str() == "fraktionslos"),
            role: Some(speaker::role("Vorsitz")),
            ..Speaker::named("")
        }),
        minute_taker: MINUTES.captures(head).map(|c| c[1].to_owned()),
    }
}

/// The body: from where the contents end (at `Vor Eintritt in die Tagesordnung` or the first
/// item heading without a page number) to the chair's signature. `gez.` starts in lower case, so
/// the normaliser may have joined it to the line before (`– keine Wortbeiträge gez. Thorsten
/// Schick`): it is found anywhere after the body's start.
fn body_range(
    text: &str,
    units: &[Paragraph],
    head_end: usize,
    diags: &mut Diagnostics,
) -> (usize, usize) {
    let body_start = units
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
    let body_end = text[body_start..]
        .find("gez. ")
        .map_or(text.len(), |i| body_start + i);
    (body_start, body_end)
}

use super::speaker;

static ANLAGEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^(\d{1,2}) Anlagen?$").unwrap());
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"Mit freundlichen Grüßen\s*\n+\s*(?P<name>[^\n]+?)(?: MdL)?\s*\n(?P<function>[^\n]*)",
    )
    .unwrap()
});
static SENDER_FACTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^(?P<f>[\p{L}ÜÖÄ /90]+?)-Fraktion im Landtag").unwrap());
static ADDRESSEE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^(?:Herrn|Frau) (?P<name>[^\n]+?)(?: MdL)?$").unwrap());
static SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^Thema (?P<t>[^\n]+)$").unwrap());
static DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\d{1,2}\.\d{1,2}\.\d{4}$").unwrap());
/// `4 Digitalstrategie 2.0 (… Präsentation … [s. Anlage 2])`: the item an attachment belongs to.
static ITEM_CUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\d{1,2} (?P<title>[^(\n]+?) \((?P<cues>[^\n]*)\)").unwrap());

/// Attachment `number`, a letter standing at `start..end` of the text (ending in its
/// signature): its subject, date, sender (with faction) and addressee, the questions it asks.
fn letter(
    chars: &crate::model::CharIndex<'_>,
    (start, end): (usize, usize),
    number: u32,
    title: Option<String>,
) -> crate::model::Attachment {
    let body = &chars.text()[start..end];
    let mut from = SIGNATURE
        .captures(body)
        .map(|sig| Speaker::named(sig["name"].trim()));
    if let Some(from) = &mut from {
        from.faction = SENDER_FACTION
            .captures(body)
            .and_then(|c| super::speaker::faction_from_label(c["f"].trim()));
    }
    crate::model::Attachment {
        number,
        kind: crate::model::AttachmentKind::Letter,
        title: SUBJECT
            .captures(body)
            .map(|c| c["t"].trim().to_owned())
            .or(title),
        date: DATE_LINE
            .find(body)
            .and_then(|m| refs::first_date(m.as_str()))
            .map(|(_, d)| d),
        from,
        to: ADDRESSEE
            .captures(body)
            .map(|c| Speaker::named(c["name"].trim())),
        questions: super::drucksache::questions_in(chars, start, end),
        span: chars.span(start..end),
    }
}

/// The attachments after the signature (`2 Anlagen`): a letter (up to its `Mit freundlichen
/// Grüßen` and signature) and, after it, a presentation's slides.
fn attachments(text: &str, body_end: usize) -> Vec<crate::model::Attachment> {
    use crate::model::{Attachment, AttachmentKind, CharIndex};
    let Some(head) = ANLAGEN.captures_at(text, body_end) else {
        return Vec::new();
    };
    let Ok(count) = head[1].parse::<u32>() else {
        return Vec::new();
    };
    let mut start = head.get(0).map_or(text.len(), |m| m.end());
    let chars = CharIndex::new(text);
    let span = |a: usize, b: usize| chars.span(a..b);
    // The agenda item that cites `Anlage N`, and what the cue says it is.
    let cue = |n: u32| -> Option<(String, bool)> {
        ITEM_CUE.captures_iter(&text[..body_end]).find_map(|c| {
            let needle = format!("Anlage {n}]");
            let cues = &c["cues"];
            let at = cues.find(&needle)?;
            let part = cues[..at].rsplit(';').next().unwrap_or("");
            Some((c["title"].trim().to_owned(), part.contains("Präsentation")))
        })
    };
    let mut out = Vec::new();
    for number in 1..=count {
        if start >= text.len() {
            break;
        }
        let rest = &text[start..];
        let (title, presentation) = cue(number).map_or((None, false), |(t, p)| (Some(t), p));
        let letter_end = SIGNATURE
            .captures(rest)
            .filter(|_| !presentation)
            .map(|c| c.get(0).unwrap().end());
        match letter_end {
            Some(end) => {
                out.push(letter(&chars, (start, start + end), number, title));
                start += end;
            }
            None => {
                // Slides run to the next attachment's letter, or to the end.
                let end = text.len();
                out.push(Attachment {
                    number,
                    kind: AttachmentKind::Presentation,
                    title,
                    date: None,
                    from: None,
                    to: None,
                    questions: Vec::new(),
                    span: span(start, end),
                });
                start = end;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_letter_and_slides_after_the_signature() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../sample/corpus/apr17-adi-61_2021-12-02.txt"
        ))
        .unwrap();
        let n = crate::normalize::normalize(&text);
        let parsed = crate::parse(&n);
        let doc = parsed.document.unwrap();
        let a = &doc.attachments;
        assert_eq!(a.len(), 2, "{a:#?}");
        let letter = &a[0];
        assert_eq!(letter.kind, crate::model::AttachmentKind::Letter);
        assert_eq!(letter.title.as_deref(), Some("Digitalstrategie 2.0"));
        assert_eq!(
            letter.date.map(|d| d.to_string()).as_deref(),
            Some("2021-11-22")
        );
        let from = letter.from.as_ref().unwrap();
        assert_eq!(
            (from.name.as_str(), from.faction),
            ("Christina Kampmann", crate::model::Faction::by_key("spd"))
        );
        assert_eq!(
            letter.to.as_ref().map(|s| s.name.as_str()),
            Some("Thorsten Schick")
        );
        assert_eq!(letter.questions.len(), 5);
        assert_eq!(a[1].kind, crate::model::AttachmentKind::Presentation);
        assert_eq!(a[1].title.as_deref(), Some("Digitalstrategie 2.0"));
    }
}
