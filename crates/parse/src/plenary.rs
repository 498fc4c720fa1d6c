//! Plenary protocols (Plenarprotokolle): number, date and times from the first page or, in an
//! excerpt, from the running heads; the body from `Beginn:` (or the first line) to `Schluss:`.

use super::protocol::{self, Style};
use super::refs::{self, first_date, wahlperiode_on};
use super::speaker::is_presiding;
use super::{toc, Diagnostics, Severity};
use crate::model::{
    Body, Check, CheckKind, CheckTarget, Date, Document, DocumentKind, Meeting, PaperKind,
    PaperRef, Tally, Vote, VoteMethod,
};
use crate::normalize::{Normalized, Paragraph};
use regex::Regex;
use std::sync::LazyLock;

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"Plenarprotokoll\s+(\d{1,2})/(\d{1,4})").unwrap());
static BEGIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^Beginn:\s+(\d{1,2})[:.](\d{2})\s+Uhr").unwrap());
static END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^Schlu(?:ss|ß):\s+(\d{1,2})[:.](\d{2})\s+Uhr").unwrap());

pub fn parse(normalized: &Normalized, diags: &mut Diagnostics) -> Document {
    let text = normalized.text.as_str();
    let (id, date) = identity(normalized, diags);
    let wahlperiode = id
        .map(|p| p.wahlperiode)
        .or_else(|| date.and_then(wahlperiode_on));

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
    let units = protocol::units(text);
    let body_start = units
        .iter()
        .find(|p| p.start >= body_start)
        .map_or(body_start, |p| p.start);

    let contents = toc::items(text, body_start);
    let style = Style {
        reported_speech: false,
        turns_cross_headings: true,
        chair: None,
        when: super::vote::When { wahlperiode, date },
        contents: &contents,
    };
    let mut body = protocol::segment(text, &units, (body_start, body_end), &style, diags);
    add_written_speeches(text, &units, body_end, &style, &mut body, diags);
    // A roll call's table stands in an annex; an excerpt may hold the annex alone.
    let roll_calls = super::rollcall::annexes(text, 0, wahlperiode, diags);
    let mut checks = attach_roll_calls(&mut body.votes, roll_calls);
    warn_of_empty_roll_calls(text, &body.votes, &checks, diags);
    checks.extend(vote_checks(text, &body, style.when));
    let chairs = chairs(&body.contributions);
    checks.extend(check_against_contents(
        normalized,
        body_start,
        &body.contributions,
        diags,
    ));
    checks.extend(missed_votes(normalized, body_start, &body, diags));
    let mentions = refs::mentions(text);
    Document {
        wahlperiode,
        title: id.map(|n| format!("Plenarprotokoll {}", n.printed())),
        id,
        date,
        meeting: Some(Meeting {
            body: Body::Plenum,
            session: id.map(|p| p.number),
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
        checks,
        ..Document::empty(DocumentKind::Plenarprotokoll, text)
    }
}

/// The checks of the votes, alone and against the item's debate.
fn vote_checks(text: &str, body: &protocol::Body, when: super::vote::When) -> Vec<Check> {
    let mut checks = super::checks::votes(&body.votes, when);
    let chars = crate::model::CharIndex::new(text);
    checks.extend(super::checks::announced(
        &chars,
        &body.contributions,
        &body.votes,
    ));
    checks.extend(super::checks::reread(&chars, &body.votes, when));
    checks.extend(super::checks::unnamed_members(&chars, &body.votes));
    checks
}

/// The speeches given to the record in the annexes, as contributions of their agenda item.
fn add_written_speeches(
    text: &str,
    units: &[crate::normalize::Paragraph<'_>],
    body_end: usize,
    style: &Style,
    body: &mut protocol::Body,
    diags: &mut Diagnostics,
) {
    for (start, end, item) in annexes(text, units, body_end) {
        let annex = protocol::segment(text, units, (start, end), style, diags);
        body.contributions
            .extend(annex.contributions.into_iter().map(|mut c| {
                c.item = item.clone();
                c.written = true;
                c
            }));
    }
}

/// Each roll-call table joins its vote: the roll call on the same paper (or on the
/// recommendation deciding it: the annex names the bill, the chair the Beschlussempfehlung),
/// else the first roll call still without rows, else a vote of its own. No faction position is inferred from the
/// rows: the text states them or it does not. What the rows, the totals announced and the
/// `Ergebnis` row disagree on, and a roll call left without rows, are doubts.
fn attach_roll_calls(votes: &mut Vec<Vote>, annexes: Vec<super::rollcall::Annex>) -> Vec<Check> {
    let mut checks = Vec::new();
    for a in annexes {
        let is_roll_call = |v: &Vote| v.method == VoteMethod::RollCall && v.members.is_empty();
        let at = votes
            .iter()
            .position(|v| {
                is_roll_call(v)
                    && a.subject.is_some()
                    && (v.subject == a.subject || v.decides == a.subject)
            })
            .or_else(|| votes.iter().position(is_roll_call));
        let index = at.unwrap_or_else(|| {
            let mut v = super::vote::empty_vote(a.subject);
            v.method = VoteMethod::RollCall;
            votes.push(v);
            votes.len() - 1
        });
        let vote = &mut votes[index];
        checks.extend(super::checks::roll_call(
            index, &a.rows, vote.tally, a.totals,
        ));
        if let (None, Some((yes, no, abstain))) = (vote.tally, a.totals) {
            vote.tally = Some(Tally {
                yes: Some(yes),
                no: Some(no),
                abstain: Some(abstain),
                ..Tally::default()
            });
        }
        vote.members = a.rows;
    }
    for (index, v) in votes.iter().enumerate() {
        if v.method == VoteMethod::RollCall && v.members.is_empty() {
            checks.push(Check {
                kind: CheckKind::RollCallNoRows,
                target: CheckTarget::Vote(index),
                detail: "a roll call (namentliche Abstimmung) whose annex gave no member's vote: \
                         the annex is not in this file, or its table was not read"
                    .into(),
            });
        }
    }
    checks
}

/// A roll call left without rows is a warning too, where the vote stands.
fn warn_of_empty_roll_calls(text: &str, votes: &[Vote], checks: &[Check], diags: &mut Diagnostics) {
    for c in checks
        .iter()
        .filter(|c| c.kind == CheckKind::RollCallNoRows)
    {
        let CheckTarget::Vote(i) = c.target else {
            continue;
        };
        let at = crate::model::CharIndex::new(text).byte_at(votes[i].span.start());
        diags.push(Severity::Warning, at, c.detail.clone());
    }
}

/// How many of `wanted` stand in `got` in the same order (longest common subsequence).
fn in_order(wanted: &[&str], got: &[&str]) -> usize {
    let mut prev = vec![0usize; got.len() + 1];
    for w in wanted {
        let mut cur = vec![0usize; got.len() + 1];
        for (j, g) in got.iter().enumerate() {
            cur[j + 1] = if w == g {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    prev[got.len()]
}

/// Who presided: every speaker with a presiding role, once.
fn chairs(contributions: &[crate::model::Contribution]) -> Vec<crate::model::Speaker> {
    let mut chairs: Vec<crate::model::Speaker> = Vec::new();
    for s in contributions.iter().filter_map(|c| c.speaker.as_ref()) {
        if is_presiding(s) && !chairs.iter().any(|x| x.name == s.name) {
            chairs.push(s.clone());
        }
    }
    chairs
}

/// Period, session and date: from the first page when there is one, else from the running
/// heads (an excerpt). An error where no number is printed.
fn identity(normalized: &Normalized, diags: &mut Diagnostics) -> (Option<PaperRef>, Option<Date>) {
    let head: String = normalized.text.chars().take(1500).collect();
    let number = |t: &str| {
        let c = NUMBER.captures(t)?;
        Some(PaperRef {
            kind: PaperKind::Plenarprotokoll,
            wahlperiode: c[1].parse().ok()?,
            number: c[2].parse().ok()?,
        })
    };
    let found = number(&head).or_else(|| normalized.running_heads.iter().find_map(|h| number(h)));
    if found.is_none() {
        diags.push(
            Severity::Error,
            0,
            "no plenary protocol number (`Plenarprotokoll 18/15`) found",
        );
    }
    let date = first_date(&head).map(|(_, d)| d).or_else(|| {
        normalized
            .running_heads
            .iter()
            .find_map(|h| first_date(h).map(|(_, d)| d))
    });
    (found, date)
}

static ANNEX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^Anlage \d+$").unwrap());
static ANNEX_ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^Zu TOP (\d{1,3})\b").unwrap());

/// The annexes (Anlage 1, 2, …) after the sitting closed: speeches given to the record for an
/// item (`Zu TOP 18 – … – zu Protokoll gegebene Reden`). Byte ranges with the item's number.
fn annexes(text: &str, units: &[Paragraph], from: usize) -> Vec<(usize, usize, Option<String>)> {
    let starts: Vec<usize> = ANNEX
        .find_iter(&text[from..])
        .map(|m| from + m.end())
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let end = starts
                .get(i + 1)
                .map_or(text.len(), |&n| text[..n].rfind("Anlage").unwrap_or(n));
            // The annex's heading names the item right after `Anlage N` (on the next line or
            // after a blank one); the speeches follow the paragraph that holds it.
            let rest = &text[s..end];
            let at = s + (rest.len() - rest.trim_start().len());
            let heading = ANNEX_ITEM.captures(&text[at..end]).map(|c| {
                let after = units
                    .iter()
                    .find(|p| p.start <= at && at < p.end)
                    .map_or(at, |p| p.end);
                (after, c[1].to_owned())
            });
            match heading {
                Some((after, item)) => (after, end, Some(item)),
                None => (s, end, None),
            }
        })
        .collect()
}

/// Every speech the table of contents lists must begin on its page in the body, and every
/// speech of the body (not the chair's) must be listed: a doubt (and a warning) for each that
/// is not (a speaker label the parser missed or misread, or a page break misplaced).
fn check_against_contents(
    normalized: &Normalized,
    body_start: usize,
    contributions: &[crate::model::Contribution],
    diags: &mut Diagnostics,
) -> Vec<Check> {
    if normalized.pages.is_empty() {
        return Vec::new();
    }
    let starts: Vec<(usize, &str, u32)> = contributions
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let s = c.speaker.as_ref()?;
            let (first, _) = crate::model::pages_of(&normalized.pages, c.span)?;
            Some((i, s.name.split_whitespace().last()?, first))
        })
        .collect();
    let listed = toc::speeches(&normalized.text, body_start);
    let body: Vec<&str> = starts.iter().map(|(_, s, _)| *s).collect();
    let wanted: Vec<&str> = listed.iter().map(|e| e.surname()).collect();
    tracing::info!(
        entries = listed.len(),
        in_order = in_order(&wanted, &body),
        "checking the body against the contents list"
    );
    let mut checks = Vec::new();
    for e in &listed {
        if !starts
            .iter()
            .any(|(_, s, p)| (*s, *p) == (e.surname(), e.page))
        {
            let detail = format!(
                "the table of contents lists {} on page {}, but no speech of theirs begins there",
                e.name, e.page
            );
            diags.push(Severity::Warning, e.offset, detail.clone());
            checks.push(Check {
                kind: CheckKind::TocSpeechMissing,
                target: CheckTarget::Listed(format!("{} ({})", e.name, e.page)),
                detail,
            });
        }
    }
    let contents = &normalized.text[..body_start.min(normalized.text.len())];
    checks.extend(unlisted(contributions, &starts, &listed, contents));
    checks
}

/// The chair's calls for a vote that no vote read covers (`checks::unread`): a doubt each,
/// named by its item and page, saying where the contents list names a result on that page (the
/// list's `Ergebnis … 42` stands where the vote begins, the read passage may begin a page later).
fn missed_votes(
    normalized: &Normalized,
    body_start: usize,
    body: &protocol::Body,
    diags: &mut Diagnostics,
) -> Vec<Check> {
    let text = normalized.text.as_str();
    let chars = crate::model::CharIndex::new(text);
    let turns = super::checks::Turn::of(&body.contributions);
    let listed = toc::results(text, body_start);
    let mut checks = Vec::new();
    for u in super::checks::unread(&chars, &turns, &body.votes) {
        let page = crate::model::pages_of(&normalized.pages, u.at).map(|(p, _)| p);
        let item = u
            .item
            .as_deref()
            .map_or("vor der Tagesordnung".to_owned(), |n| {
                format!("Tagesordnungspunkt {n}")
            });
        let label = page.map_or(item.clone(), |p| format!("{item} ({p})"));
        let toc = page
            .and_then(|p| listed.iter().find(|l| l.page == p || l.page + 1 == p))
            .map_or(String::new(), |l| {
                let what = if l.label.is_empty() {
                    String::new()
                } else {
                    format!(" {}", l.label)
                };
                format!(
                    "; the contents list names a result (Ergebnis{what}) on page {}",
                    l.page
                )
            });
        let detail = format!(
            "the chair calls for a vote (`{}`) where no vote was read{toc}",
            chars
                .slice(u.at)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
        diags.push(Severity::Warning, chars.bytes(u.at).start, detail.clone());
        checks.push(Check {
            kind: CheckKind::VoteMissed,
            target: CheckTarget::Listed(label),
            detail,
        });
    }
    checks
}

/// How long a turn is at least for the contents list to name it: interposed questions and a
/// question hour's questions (a few hundred characters) it does not name, a speech of even two
/// minutes (some 2,500 characters) it does.
const LISTED_SPEECH_CHARS: usize = 2000;

/// The speeches of the body whose speaker the contents list does not name at all (a label
/// misread, a name printed otherwise). The chair's remarks are never listed; a speaker listed
/// once for a run of turns (a minister answering questions) is listed; a document without a
/// contents list (an excerpt) checks nothing.
fn unlisted(
    contributions: &[crate::model::Contribution],
    starts: &[(usize, &str, u32)],
    listed: &[toc::Entry],
    contents: &str,
) -> Vec<Check> {
    if listed.is_empty() {
        return Vec::new();
    }
    starts
        .iter()
        .filter(|(i, _, _)| {
            let c = &contributions[*i];
            !c.speaker.as_ref().is_some_and(is_presiding) && c.span.len() >= LISTED_SPEECH_CHARS
        })
        .filter(|(_, s, _)| !contents.contains(s))
        .map(|(i, s, p)| Check {
            kind: CheckKind::TocSpeechExtra,
            target: CheckTarget::Contribution(*i),
            detail: format!(
                "a speech of {s} begins on page {p}, but the table of contents does not name {s}"
            ),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PaperKind;

    fn paper(number: u32) -> Option<PaperRef> {
        Some(PaperRef {
            kind: PaperKind::Drucksache,
            wahlperiode: 16,
            number,
        })
    }

    /// The annex names the bill, the chair put the Beschlussempfehlung deciding it: the rows
    /// are that roll call's, not the first one's still without rows.
    #[test]
    fn an_annex_joins_the_roll_call_on_the_recommendation_deciding_its_paper() {
        let mut first = super::super::vote::empty_vote(paper(50));
        first.method = VoteMethod::RollCall;
        let mut second = super::super::vote::empty_vote(paper(200));
        second.method = VoteMethod::RollCall;
        second.decides = paper(100);
        let mut votes = vec![first, second];
        let text = "Namentliche Abstimmung über den Gesetzentwurf Drucksache 16/100\n\
                    1.\tHerr Abel\tGRÜNE\tX\t\t\nErgebnis\t\t1\t0\t0\n";
        let (annexes, _) = super::super::rollcall::tables(text, Some(16));
        let checks = attach_roll_calls(&mut votes, annexes);
        assert_eq!(votes[1].members.len(), 1);
        assert!(votes[0].members.is_empty());
        let kinds: Vec<_> = checks.iter().map(|c| (c.kind, &c.target)).collect();
        assert_eq!(kinds, [(CheckKind::RollCallNoRows, &CheckTarget::Vote(0))]);
    }
}
