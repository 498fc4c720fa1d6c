//! Printed papers (Drucksachen): number, period, date, issue date, kind and title from the
//! first page; for the government's answer to a Kleine Anfrage also the question's number,
//! date, paper and askers.

use super::refs::{self, first_date};
use super::speaker::faction_from_label;
use super::{Diagnostics, Severity};
use crate::model::CharIndex;
use crate::model::{AnswerTo, CitedPaper, Document, DocumentKind, PaperKind, PaperRef, Speaker};
use crate::words::collapse;
use regex::Regex;
use std::sync::LazyLock;

pub static TITLE_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*LANDTAG NORDRHEIN-WESTFALEN\s+(\d{1,2})\.\s+Wahlperiode\s+Drucksache\s+(\d{1,2})/(\d{1,6})(?:\s+(\d{2}\.\d{2}\.\d{4}))?").unwrap()
});
static ISSUED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"Ausgegeben:\s*(\d{1,2}\.\d{1,2}\.\d{4})").unwrap());
static ANSWER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?s)(Antwort\s+der\s+Landesregierung\s+auf\s+die\s+Kleine\s+Anfrage)\s+(\d+)\s+vom\s+(.{6,20}?\d{4})\s+",
        r"der\s+Abgeordneten\s+(.+?)\s+Drucksache\s+(\d{1,2})/(\d{1,6})\s+(.+?)\s+(?:Vorbemerkung|Der\s+Minister|Die\s+Ministerin|1\.\s)"
    ))
    .unwrap()
});
static KIND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(Gesetzentwurf|Antrag|Entschließungsantrag|Änderungsantrag|Kleine Anfrage|Große Anfrage|Beschlu(?:ss|ß)empfehlung(?: und Bericht)?|Unterrichtung|Antwort)\b").unwrap()
});

pub fn parse(text: &str, diags: &mut Diagnostics) -> Document {
    let block = TITLE_BLOCK.captures(text);
    let (wahlperiode, date) = match &block {
        Some(c) => (
            c[1].parse().ok(),
            c.get(4)
                .and_then(|d| first_date(d.as_str()))
                .map(|(_, d)| d),
        ),
        None => {
            diags.push(Severity::Error, 0, "no Drucksache title block");
            (None, None)
        }
    };
    let after_block = block.as_ref().map_or(0, |c| c.get(0).unwrap().end());
    let issued = ISSUED
        .captures(text)
        .and_then(|c| first_date(&c[1]))
        .map(|(_, d)| d);
    let head = &text[after_block..super::floor_boundary(text, after_block + 3000)];
    let own = block.as_ref().and_then(|c| {
        Some(PaperRef {
            kind: PaperKind::Drucksache,
            wahlperiode: c[2].parse().ok()?,
            number: c[3].parse().ok()?,
        })
    });
    let kind = match ANSWER.captures(head) {
        Some(c) => answer_head(&c, text),
        None => other_kind(head, after_block, own, diags),
    };
    let mut mentions = refs::mentions(text);
    mentions.retain(|m| Some(m) != own.as_ref());
    Document {
        wahlperiode,
        id: own,
        date,
        issued,
        title: kind.title,
        subtype: kind.subtype,
        answer_to: kind.answer_to,
        mentions,
        cited: kind.submitted.into_iter().collect(),
        questions: questions(text),
        programmes: programmes(text),
        funding: funding(text),
        ..Document::empty(DocumentKind::Drucksache, text)
    }
}

/// What the head says the paper is.
#[derive(Default)]
struct Kind {
    subtype: Option<String>,
    title: Option<String>,
    answer_to: Option<AnswerTo>,
    /// Its own kind and submitters, for a paper of another kind than an answer.
    submitted: Option<CitedPaper>,
}

/// The head of the government's answer to a Kleine Anfrage: the question's number, date,
/// paper and askers; who answered, in agreement with whom.
fn answer_head(c: &regex::Captures, text: &str) -> Kind {
    let mut answer_to = AnswerTo {
        question_number: c[2].parse().ok(),
        question_date: first_date(&c[3]).map(|(_, d)| d),
        question_paper: c[5]
            .parse()
            .ok()
            .zip(c[6].parse().ok())
            .map(|(wp, n)| PaperRef {
                kind: PaperKind::Drucksache,
                wahlperiode: wp,
                number: n,
            }),
        asked_by: askers(&c[4]),
        answered_by: None,
        in_agreement_with: Vec::new(),
        answering_ministry: None,
        agreeing_ministries: Vec::new(),
    };
    if let Some(c) = ANSWERED_BY.captures(text) {
        answer_to.answered_by = Some(collapse(&c["by"]));
        if let Some(with) = c.name("with") {
            answer_to.in_agreement_with = AGREEMENT_SPLIT
                .split(&format!(", {}", collapse(with.as_str())))
                .map(str::trim)
                .filter(|r| r.starts_with("Minister"))
                .map(str::to_owned)
                .collect();
        }
    }
    Kind {
        subtype: Some(collapse(&c[1])),
        title: Some(c[7].trim().to_owned()),
        answer_to: Some(answer_to),
        submitted: None,
    }
}

/// A paper of another kind (Antrag, Gesetzentwurf, …): its submitters and the title before its
/// first section; a warning where either is not found.
fn other_kind(
    head: &str,
    after_block: usize,
    own: Option<PaperRef>,
    diags: &mut Diagnostics,
) -> Kind {
    let Some(k) = KIND.find(head) else {
        diags.push(
            Severity::Warning,
            after_block,
            "the Drucksache's kind was not recognised",
        );
        return Kind::default();
    };
    let (paper, read) = own
        .map(|p| other_head(p, k.as_str(), &head[k.end()..]))
        .unzip();
    let title = read
        .map(|r| &head[k.end() + r..])
        .and_then(title_before_body);
    if title.is_none() {
        diags.push(
            Severity::Warning,
            after_block + k.start(),
            format!(
                "a Drucksache of kind `{}`: its title was not found before its first \
                 section (`I.`, `A Problem`, `Vorbemerkung`)",
                k.as_str()
            ),
        );
    }
    Kind {
        subtype: Some(k.as_str().to_owned()),
        title,
        answer_to: None,
        submitted: paper.flatten(),
    }
}

fn programmes(text: &str) -> Vec<crate::model::Programme> {
    super::programme::programmes(text)
}

fn funding(text: &str) -> Vec<crate::model::Funding> {
    super::funding::read(&CharIndex::new(text))
}

/// `Angela Lück SPD`, `Max Muster und Erika Muster GRÜNE`: names and the faction at the end.
static QUESTION_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    let f = crate::lexicon::spelling_pattern();
    Regex::new(&format!(r"^\s*(?P<n>\d+)\s+(?:vom\s+\d{{1,2}}\.\s*\p{{L}}+\s+\d{{4}}\s+)?(?:des|der)\s+Abgeordneten\s+(?P<who>[^\n]+?\s+(?:{f}|fraktionslos))\b")).unwrap()
});
static NUMBER_HEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(?P<n>\d+)\b").unwrap());
/// Where a paper's body begins after its title: a section (`I. Ausgangslage`, `A Problem`,
/// `Vorbemerkung der Kleinen Anfrage`, `Der Landtag stellt fest`).
static BODY_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s(?:I\.\s+\p{Lu}|A\s+Problem\b|Vorbemerkung\b|Der Landtag (?:stellt|beschließt)\b|Begründung\b)").unwrap()
});

/// The head of a Drucksache other than an answer, after its kind: who submitted it (factions,
/// the government; for a Kleine Anfrage its number and the asking members), and how much of
/// `after_kind` that was.
fn other_head(paper: PaperRef, kind: &str, after_kind: &str) -> (Option<CitedPaper>, usize) {
    let Some(cited_kind) = super::cited::kind_of(kind) else {
        return (None, 0);
    };
    if kind.ends_with("Anfrage") {
        if let Some(c) = QUESTION_HEAD.captures(after_kind) {
            let p = CitedPaper {
                paper,
                kind: cited_kind,
                factions: Vec::new(),
                by_government: false,
                committee: None,
                members: askers(&collapse(&c["who"])),
                question_number: c["n"].parse().ok(),
            };
            return (Some(p), c.get(0).unwrap().end());
        }
    }
    let (number, skip) = match NUMBER_HEAD.captures(after_kind) {
        Some(c) if kind.ends_with("Anfrage") => (c["n"].parse().ok(), c.get(0).unwrap().end()),
        _ => (None, 0),
    };
    match super::cited::submitted(paper, kind, &after_kind[skip..]) {
        Some((mut p, len)) => {
            p.question_number = number;
            (Some(p), skip + len)
        }
        None => (None, skip),
    }
}

/// The title: what stands before the body begins, if that is a title's length.
fn title_before_body(rest: &str) -> Option<String> {
    let end = BODY_START.find(rest)?.start();
    let title = collapse(&rest[..end]);
    (5..=300).contains(&title.chars().count()).then_some(title)
}

fn askers(s: &str) -> Vec<Speaker> {
    let s = s.trim();
    let (names, faction) = match s.rsplit_once(' ') {
        Some((names, last)) if faction_from_label(last).is_some() => {
            (names, faction_from_label(last))
        }
        _ => (s, None),
    };
    names
        .split(" und ")
        .map(|n| Speaker {
            name: n.trim().to_owned(),
            honorific: None,
            faction,
            fraktionslos: false,
            role: None,
            ministry: None,
            unreviewed: false,
            speaks_for: None,
            member: None,
            office: None,
        })
        .collect()
}

/// `Der Minister für … hat die Kleine Anfrage 3733 mit Schreiben vom 30. Juli 2020 namens der
/// Landesregierung im Einvernehmen mit dem Minister der Finanzen, der Ministerin für … und der
/// Ministerin für … beantwortet.`
static ANSWERED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:Der|Die) (?P<by>(?:Ministerpräsident(?:in)?|Minister(?:in)?)\b[^.]{0,160}?) hat die Kleine Anfrage \d+ mit Schreiben vom \d{1,2}\.\s*\S+\s+\d{4}\s*(?:namens der Landesregierung)?(?: im Einvernehmen mit (?P<with>[^.]{0,600}?))? beantwortet",
    )
    .unwrap()
});

/// `, dem Minister …, der Ministerin … und der Ministerin …`: one role after each separator.
static AGREEMENT_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:,| und) (?:dem|der) ").unwrap());

/// `1. Welche …?` opens question 1; its answer runs to `2. …?`. Numbers must run 1, 2, 3 …
/// and a question must end with `?` within 800 characters (so `26. November` opens nothing).
static QUESTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)(\d{1,2})\.\s+(\p{Lu}[^?]{5,800}\?)").unwrap());

/// The numbered questions and the answers under them.
fn questions(text: &str) -> Vec<crate::model::Question> {
    questions_in(&CharIndex::new(text), 0, text.len())
}

/// The numbered questions in `text[from..to]` (spans of the whole text).
pub(super) fn questions_in(
    chars: &CharIndex<'_>,
    from: usize,
    to: usize,
) -> Vec<crate::model::Question> {
    let text = &chars.text()[..to];
    let span = |a: usize, b: usize| chars.span(a..b);
    let mut found: Vec<(u32, usize, usize)> = Vec::new(); // number, question start, end
    let mut from = from;
    while let Some(c) = QUESTION.captures_at(text, from) {
        let (n, q) = (c.get(1).unwrap(), c.get(2).unwrap());
        // One or two digits (`QUESTION`): always a number.
        let number: u32 = n.as_str().parse().expect("a number of one or two digits");
        if number == found.len() as u32 + 1 {
            found.push((number, n.start(), q.end()));
            from = q.end();
        } else {
            from = n.end();
        }
    }
    found
        .iter()
        .enumerate()
        .map(|(i, &(number, start, end))| {
            let next = found.get(i + 1).map_or(text.len(), |f| f.1);
            let answer = text[end..next].trim();
            let a_start = end + (text[end..next].len() - text[end..next].trim_start().len());
            crate::model::Question {
                number,
                question: span(start, end),
                answer: (!answer.is_empty()).then(|| span(a_start, a_start + answer.len())),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Document, Vec<String>) {
        let mut diags = Diagnostics::new(text);
        let doc = parse(text, &mut diags);
        let messages = diags.list.iter().map(|d| d.message.clone()).collect();
        (doc, messages)
    }

    // Heads as the Landtag prints them (the text export has no line breaks).
    #[test]
    fn an_antrag_its_factions_and_title() {
        let (doc, diags) = read(
            "LANDTAG NORDRHEIN-WESTFALEN 18. Wahlperiode Drucksache 18/17456 27.01.2026 Antrag \
             der Fraktion der CDU und der Fraktion BÜNDNIS 90/DIE GRÜNEN Kinder und Jugendliche \
             vor Gewalt schützen I. Ausgangslage Der Schutz …",
        );
        assert_eq!(doc.subtype.as_deref(), Some("Antrag"));
        assert_eq!(
            doc.title.as_deref(),
            Some("Kinder und Jugendliche vor Gewalt schützen")
        );
        let own = &doc.cited[0];
        assert_eq!(
            (own.paper.number, own.factions.clone()),
            (
                17456,
                ["cdu", "gruene"]
                    .map(|k| crate::model::Faction::by_key(k).unwrap())
                    .to_vec()
            )
        );
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn a_gesetzentwurf_of_the_government() {
        let (doc, _) = read(
            "LANDTAG NORDRHEIN-WESTFALEN 18. Wahlperiode Drucksache 18/16225 02.10.2025 \
             Gesetzentwurf der Landesregierung Gesetz zur Änderung des Kommunalwahlgesetzes \
             A Problem Die Zersplitterung …",
        );
        assert_eq!(
            doc.title.as_deref(),
            Some("Gesetz zur Änderung des Kommunalwahlgesetzes")
        );
        assert!(doc.cited[0].by_government);
    }

    #[test]
    fn a_kleine_anfrage_its_number_and_askers() {
        let (doc, _) = read(
            "LANDTAG NORDRHEIN-WESTFALEN 17. Wahlperiode Drucksache 17/9399 20.05.2020 Kleine \
             Anfrage 3733 der Abgeordneten Angela Lück SPD Digitalisierung in öffentlichen \
             Arbeitsbereichen des Landes NRW Vorbemerkung der Kleinen Anfrage Zu Beginn …",
        );
        assert_eq!(doc.subtype.as_deref(), Some("Kleine Anfrage"));
        assert_eq!(
            doc.title.as_deref(),
            Some("Digitalisierung in öffentlichen Arbeitsbereichen des Landes NRW")
        );
        let own = &doc.cited[0];
        assert_eq!(own.question_number, Some(3733));
        assert_eq!(own.members[0].name, "Angela Lück");
        assert_eq!(own.members[0].faction, crate::model::Faction::by_key("spd"));
    }

    #[test]
    fn without_a_section_the_title_is_not_guessed() {
        let (doc, diags) = read(
            "LANDTAG NORDRHEIN-WESTFALEN 18. Wahlperiode Drucksache 18/1 01.06.2022 Antrag \
             der Fraktion der SPD Ein Text ohne Gliederung, der einfach weitergeht.",
        );
        assert_eq!(doc.title, None);
        assert!(
            diags.iter().any(|d| d.contains("title was not found")),
            "{diags:?}"
        );
    }
}
