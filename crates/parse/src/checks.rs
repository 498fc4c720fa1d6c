//! The document's own cross-checks: what a protocol says twice, compared. A failed check is a
//! doubt about what was read (`Check`), published with the document so that a user knows which
//! facts to question; it changes no fact.
//!
//! - a vote's positions cover the factions sitting in the period exactly once, unless the chair
//!   names no one (`vote-factions-incomplete`, `vote-faction-twice`);
//! - a vote's result agrees with its positions and the seats behind them (`vote-result-seats`,
//!   seats from `data/lexicon/sitze.tsv`);
//! - the paper voted on is named before the vote (`vote-subject-guessed` where it is only the
//!   agenda item's);
//! - a vote has a result (`vote-result-missing` where the chair announced none and the answers
//!   give none: a passage read as a vote that is none, or a result sentence not read);
//! - the factions of the government on the day vote as one (`vote-coalition-split`, the
//!   cabinets of `data/lexicon/kabinette.tsv`): a coalition agreement binds them, so a split is
//!   far more often a misreading than a split;
//! - the factions that moved a paper vote for it where it is voted on itself
//!   (`vote-movers-against`; movers as the document names them, `cited.rs`; not on a
//!   recommendation or a referral, where the movers may well vote no);
//! - a faction votes as its speakers announced in the item's debate (`vote-announced-otherwise`:
//!   `Wir werden den Antrag ablehnen`, the `intent-…` phrases of `abstimmung.tsv`), where the
//!   item has one vote, on a paper itself, and the faction's announcements agree;
//! - the passage read a second time by its words alone (`reread.rs`, the words of
//!   `data/lexicon/stimmworte.tsv`, no grammar) gives each faction the position read
//!   (`vote-reread-otherwise`);
//! - members without a faction the chair counts among the voters are named
//!   (`vote-members-unnamed`: `die beiden fraktionslosen Abgeordneten`, their votes missing;
//!   not where they are said to be absent);
//! - every call of the chair for a vote (`Wer stimmt … zu?`, `Gegenprobe`) stands in a vote read
//!   (`vote-missed`: a vote lost; in its own words, not the vote grammar's);
//! - a roll call's rows sum to the totals announced and to its `Ergebnis` row, and a roll call
//!   has rows (`roll-call-totals`, `roll-call-no-rows`; in `plenary.rs`, where the annex is
//!   joined);
//! - the contents list and the speeches agree (`toc-speech-missing`, `toc-speech-extra`).

use crate::lexicon;
use crate::model::{
    BallotOption, Check, CheckKind, CheckTarget, CitedPaper, MemberVote, Position, Tally, Vote,
    VoteMethod, VoteResult, Voter,
};
use crate::model::{CharIndex, CharSpan, Contribution};
use crate::phrases::{self, Family};
use crate::voters::{label, When, ABSENT, UNNAMED_MEMBERS};
use regex::Regex;
use std::sync::LazyLock;

/// The checks of every vote of a document of the period and date `when`.
pub fn votes(votes: &[Vote], when: When) -> Vec<Check> {
    let period = when.wahlperiode;
    let mut out = Vec::new();
    for (i, v) in votes.iter().enumerate() {
        let mut say = |kind, detail: String| {
            out.push(Check {
                kind,
                target: CheckTarget::Vote(i),
                detail,
            })
        };
        if v.method == VoteMethod::Election {
            continue;
        }
        if v.result.is_none() {
            say(
                CheckKind::VoteResultMissing,
                "no result is announced and none follows from the answers".to_owned(),
            );
        }
        if v.positions.is_empty() {
            continue;
        }
        // A joint vote (`verbundene Abstimmung`: each faction raises its hand for its own
        // proposal, one result for all) covers the factions together.
        let joint: Vec<&Vote> = votes
            .iter()
            .filter(|w| w.span.end() == v.span.end())
            .collect();
        if let Some(missing) = period.and_then(|p| missing_factions(&joint, p)) {
            say(CheckKind::VoteFactionsIncomplete, missing);
        }
        if !v.conflicts.is_empty() {
            say(CheckKind::VoteFactionTwice, conflicts(v));
        }
        if let Some(d) = period.and_then(|p| against_seats(v, p)) {
            say(CheckKind::VoteResultSeats, d);
        }
        if v.subject_inferred {
            let paper = v.subject.as_ref().map_or(String::new(), |p| p.printed());
            say(
                CheckKind::VoteSubjectGuessed,
                format!("no paper is named before the vote in its item: {paper}, the item's first Drucksache, is a guess"),
            );
        }
        if let Some(d) = coalition_split(v, when) {
            say(CheckKind::VoteCoalitionSplit, d);
        }
    }
    out
}

/// A chair's call for a vote: a question for or against or for abstentions (`Wer stimmt dem
/// Antrag zu?`, `Wer dem Antrag zustimmen möchte, den bitte ich um das Handzeichen.`,
/// `Gegenprobe!`, `Enthaltungen?`). Its own words, not the vote grammar's (`abstimmung.tsv`): a
/// check that shared the reader's phrases would miss what the reader misses.
static CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bWer\b[^?.!]{0,160}?\b(?:zu|zustimmen|dafür|dagegen|enthält\s+sich|enthalten|ablehnen|ab|stimmen|folgen|Folge\s+leisten|unterstützt|bestätigen)\s*[?!]|\bWer\b[^?.!]{0,160}?\bHandzeichen\b|\b(?:Ist|Stimmt|Möchte|Will)\s+(?:sich\s+)?(?:dem\s+)?jemand\b[^?.!]{0,80}?\b(?:dagegen|enthalten|stimmen|widersprechen)\s*\?|\bEnthält\s+sich\s+jemand\s*\?|\bSich\s+enthalten\s*\?|\b(?:Zustimmung|Ablehnung|Enthaltung|Dafür|Dagegen)\s*\?|\bSind\s+Sie\s+(?:damit\s+)?einverstanden\s*\?|\b(?:Erhebt\s+sich|Gibt\s+es)\s+(?:\w+\s+)?Widerspruch\s*\?|\bGegenprobe\b|\bGegenstimmen\s*[?!]|\b(?:Stimm)?enthaltungen\s*[?!]",
    )
    .unwrap()
});

/// A call for a vote that no vote read covers: where it stands, in the agenda item `item`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    pub at: CharSpan,
    pub item: Option<String>,
}

/// A turn to look for calls in: its span, its agenda item, and how many calls in a row make a
/// lost vote there (one in the chair's turn; in another's, where a chair's turn the reader gave
/// to a speaker would stand, at least two, since a speaker may ask `Wer ist denn dagegen?`).
pub struct Turn {
    pub span: CharSpan,
    pub item: Option<String>,
    pub calls: usize,
}

impl Turn {
    /// The turns of a document's contributions: the chair's need one call, another's two.
    pub fn of(contributions: &[Contribution]) -> Vec<Turn> {
        contributions
            .iter()
            .map(|c| Turn {
                span: c.span,
                item: c.item.clone(),
                calls: if c.speaker.as_ref().is_some_and(crate::speaker::is_presiding) {
                    1
                } else {
                    2
                },
            })
            .collect()
    }
}

/// A call that opens a vote: it asks who votes for (a vote asks for, against, abstaining).
static OPENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:zu\s*[?!]|zustimmen|dafür|Handzeichen|Zustimmung\s*\?|einverstanden)")
        .unwrap()
});

/// Calls further apart than this (characters) are two passages.
const CALLS_APART: usize = 600;

/// The calls for a vote (`CALL`) in `turns` that stand in no vote's passage (`vote-missed`): a
/// vote the reader lost. Calls of one turn that follow each other closely, no vote read between
/// them and none asking anew who votes for (`OPENS`), are one lost vote, at the first of them.
pub fn unread(chars: &CharIndex<'_>, turns: &[Turn], votes: &[Vote]) -> Vec<Unread> {
    let within = |at: usize| {
        votes
            .iter()
            .any(|v| v.span.start() <= at && at < v.span.end())
    };
    let mut out = Vec::new();
    for turn in turns {
        let base = chars.bytes(turn.span).start;
        let mut runs: Vec<Vec<CharSpan>> = Vec::new();
        for m in CALL.find_iter(chars.slice(turn.span)) {
            let at = chars.span(base + m.start()..base + m.end());
            let last = runs.last().and_then(|r| r.last()).map(|l| l.start());
            let opens = OPENS.is_match(m.as_str());
            let goes_on = !opens
                && last.is_some_and(|l| {
                    at.start() - l <= CALLS_APART
                        && !votes
                            .iter()
                            .any(|v| (l..=at.start()).contains(&v.span.start()))
                });
            match runs.last_mut() {
                Some(run) if goes_on => run.push(at),
                _ => runs.push(vec![at]),
            }
        }
        out.extend(
            runs.into_iter()
                .filter(|r| r.len() >= turn.calls && !within(r[0].start()))
                .map(|r| Unread {
                    at: r[0],
                    item: turn.item.clone(),
                }),
        );
    }
    out
}

/// The votes on a paper itself in which the factions that moved it (as `cited`, the document's
/// papers, names them) voted no or abstained.
pub fn movers(votes: &[Vote], cited: &[CitedPaper]) -> Vec<Check> {
    let mut out = Vec::new();
    for (i, v) in votes.iter().enumerate() {
        let on_the_paper = !v.referral && v.decides.is_none() && v.method != VoteMethod::Election;
        let Some(subject) = v.subject.as_ref().filter(|_| on_the_paper) else {
            continue;
        };
        let same = |c: &&CitedPaper| {
            c.paper.wahlperiode == subject.wahlperiode && c.paper.number == subject.number
        };
        let Some(paper) = cited.iter().find(same) else {
            continue;
        };
        let against: Vec<String> = paper
            .factions
            .iter()
            .filter_map(|f| {
                let (_, p) = v.positions.iter().find(|(w, _)| *w == Voter::Faction(*f))?;
                (*p != Position::Yes).then(|| format!("{} {}", f.label(), p.key()))
            })
            .collect();
        if !against.is_empty() {
            out.push(Check {
                kind: CheckKind::VoteMoversAgainst,
                target: CheckTarget::Vote(i),
                detail: format!(
                    "the factions that moved Drucksache {} voted against it: {}",
                    subject.printed(),
                    against.join(", ")
                ),
            });
        }
    }
    out
}

/// What a speaker says their faction will do, in the order checked; a sentence must say `wir`,
/// name what is voted on and not merely suppose (`intent-hedge`).
static INTENTS: LazyLock<[(Position, Regex); 3]> = LazyLock::new(|| {
    [
        (Position::Abstain, phrases::regex(Family::IntentAbstain)),
        (Position::No, phrases::regex(Family::IntentNo)),
        (Position::Yes, phrases::regex(Family::IntentYes)),
    ]
});
static HEDGE: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::IntentHedge));
static VOTED_ON: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::VotedOn));
static WE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:wir|unsere\s+Fraktion|meine\s+Fraktion)\b").unwrap());

/// The position a sentence of a speech announces for the speaker's faction, if any, and
/// whether on a committee's recommendation (`Wir stimmen der Beschlussempfehlung zu`) rather
/// than on a paper.
fn intent_on(s: &str) -> Option<(Position, bool)> {
    intent(s).map(|p| (p, s.contains("mpfehlung")))
}

/// The position a sentence of a speech announces for the speaker's faction, if any.
fn intent(s: &str) -> Option<Position> {
    let says = !s.trim_end().ends_with('?') && WE.is_match(s) && VOTED_ON.is_match(s);
    if !says || HEDGE.is_match(s) {
        return None;
    }
    // `… nicht zustimmen` is a no, not also a yes; a sentence saying two things says none
    // (`Dem Antrag der SPD stimmen wir zu, den der AfD lehnen wir ab.`).
    let negated = crate::words::says(s, "nicht zu");
    let said: Vec<Position> = INTENTS
        .iter()
        .filter(|(p, r)| r.is_match(s) && !(negated && *p == Position::Yes))
        .map(|(p, _)| *p)
        .collect();
    match said[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// Each faction's announcements in the speeches of `item`: the one position its speakers
/// announced for the vote `v`, where they all announced the same. On a recommendation that
/// proposes to reject the paper, a no to the paper is a yes to the recommendation.
fn announcements(
    chars: &CharIndex<'_>,
    contributions: &[Contribution],
    item: &str,
    v: &Vote,
) -> Vec<(lexicon::Faction, Position)> {
    let text = chars.text();
    let mut said: Vec<(lexicon::Faction, Position)> = Vec::new();
    let speeches = contributions
        .iter()
        .filter(|c| c.item.as_deref() == Some(item) && !c.reported);
    for c in speeches {
        let Some(f) = c.speaker.as_ref().and_then(|s| s.faction) else {
            continue;
        };
        let r = chars.bytes(c.span);
        let speech = &text[r.start..r.end];
        for (a, b) in crate::sentence::split(speech) {
            if let Some(p) = intent_on(&speech[a..b]).map(|(p, on)| for_vote(p, on, v)) {
                said.push((f, p));
            }
        }
    }
    let mut out: Vec<(lexicon::Faction, Position)> = Vec::new();
    for (f, p) in &said {
        let agree = said.iter().filter(|(g, _)| g == f).all(|(_, q)| q == p);
        if agree && !out.iter().any(|(g, _)| g == f) {
            out.push((*f, *p));
        }
    }
    out
}

/// An announced position as a position in `v`: on the recommendation where it is `on` it or
/// where the recommendation proposes to accept the paper; turned where it proposes to reject it.
fn for_vote(p: Position, on_recommendation: bool, v: &Vote) -> Position {
    let turned = !on_recommendation && v.recommends == Some(VoteResult::Rejected);
    match p {
        Position::Yes if turned => Position::No,
        Position::No if turned => Position::Yes,
        p => p,
    }
}

/// The votes whose factions voted otherwise than their speakers announced in the item's debate
/// (`SPD: announced no, read yes`), where the item holds one vote and it is on a paper itself.
pub fn announced(
    chars: &CharIndex<'_>,
    contributions: &[Contribution],
    votes: &[Vote],
) -> Vec<Check> {
    let mut out = Vec::new();
    for (i, v) in votes.iter().enumerate() {
        // On a paper itself, or on a recommendation whose proposal is known.
        let known = v.decides.is_none() || v.recommends.is_some();
        let readable = !v.referral && known && v.method != VoteMethod::Election;
        let Some(item) = v.item.as_deref().filter(|_| readable) else {
            continue;
        };
        let in_item = votes
            .iter()
            .filter(|w| w.item.as_deref() == Some(item) && w.method != VoteMethod::Election);
        if in_item.count() != 1 {
            continue;
        }
        let said = announcements(chars, contributions, item, v);
        let doubt = (
            CheckKind::VoteAnnouncedOtherwise,
            "in the item's debate",
            "announced",
        );
        out.extend(otherwise(i, v, said, doubt));
    }
    out
}

/// The votes whose passage, read again by its words alone (`reread`), gives a faction another
/// position than the one read (`SPD: reread no, read yes`); a passage of several votes (a joint
/// vote) and a roll call or election are not read again.
pub fn reread(chars: &CharIndex<'_>, votes: &[Vote], when: When) -> Vec<Check> {
    let Some(period) = when.wahlperiode else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, v) in votes.iter().enumerate() {
        let alone = votes
            .iter()
            .filter(|w| w.span.end() == v.span.end())
            .count()
            == 1;
        if !alone || v.method != VoteMethod::Show || v.positions.is_empty() {
            continue;
        }
        let again = crate::reread::positions(chars.slice(v.span), period);
        let doubt = (
            CheckKind::VoteRereadOtherwise,
            "by its words alone",
            "reread",
        );
        out.extend(otherwise(i, v, again, doubt));
    }
    out
}

/// The votes whose passage counts members without a faction among the voters without naming
/// them (`vote-members-unnamed`), where fewer members than counted have a position.
pub fn unnamed_members(chars: &CharIndex<'_>, votes: &[Vote]) -> Vec<Check> {
    let mut out = Vec::new();
    for (i, v) in votes.iter().enumerate() {
        if v.method != VoteMethod::Show {
            continue;
        }
        let text = chars.slice(v.span);
        let counted: usize = crate::sentence::split(text)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .filter(|s| !ABSENT.is_match(s))
            .flat_map(|s| UNNAMED_MEMBERS.captures_iter(s).collect::<Vec<_>>())
            .filter(|c| !c["next"].starts_with(char::is_uppercase))
            .map(|c| match c.name("n").map(|n| n.as_str().to_lowercase()) {
                Some(n) => ["zwei", "drei", "vier", "fünf"]
                    .iter()
                    .position(|w| *w == n)
                    .map_or(2, |i| i + 2),
                None => 1,
            })
            .max()
            .unwrap_or(0);
        let named = v
            .positions
            .iter()
            .filter(|(w, _)| matches!(w, Voter::Member(_)) && !crate::voters::is_unnamed(w))
            .count();
        if counted > named {
            out.push(Check {
                kind: CheckKind::VoteMembersUnnamed,
                target: CheckTarget::Vote(i),
                detail: format!(
                    "the chair counts {counted} member(s) without a faction among the voters without naming them: {} recorded",
                    named
                ),
            });
        }
    }
    out
}

/// A doubt of `kind` about vote `i` where `other` (a second source: the debate, a second
/// reading) gives a faction another position than the vote's: `{lead} SPD: {word} no, read
/// yes; …`.
fn otherwise(
    i: usize,
    v: &Vote,
    other: Vec<(lexicon::Faction, Position)>,
    (kind, lead, word): (CheckKind, &str, &str),
) -> Option<Check> {
    let differs: Vec<String> = other
        .into_iter()
        .filter_map(|(f, said)| {
            let (_, read) = v.positions.iter().find(|(w, _)| *w == Voter::Faction(f))?;
            (*read != said)
                .then(|| format!("{}: {word} {}, read {}", f.label(), said.key(), read.key()))
        })
        .collect();
    (!differs.is_empty()).then(|| Check {
        kind,
        target: CheckTarget::Vote(i),
        detail: format!("{lead} {}", differs.join("; ")),
    })
}

/// `no position for FDP, PIRATEN`, where factions of the period have none in the votes.
fn missing_factions(votes: &[&Vote], period: u32) -> Option<String> {
    let named = |f: lexicon::Faction| {
        votes
            .iter()
            .any(|v| v.positions.iter().any(|(w, _)| *w == Voter::Faction(f)))
    };
    let missing: Vec<&str> = lexicon::factions_in(period)
        .into_iter()
        .filter(|f| !named(*f))
        .map(|f| f.label())
        .collect();
    (!missing.is_empty()).then(|| {
        format!(
            "no position for {} (factions of period {period}: {})",
            missing.join(", "),
            labels(&lexicon::factions_in(period))
        )
    })
}

fn labels(fs: &[lexicon::Faction]) -> String {
    fs.iter().map(|f| f.label()).collect::<Vec<_>>().join(", ")
}

/// `CDU: no, then also yes`.
fn conflicts(v: &Vote) -> String {
    v.conflicts
        .iter()
        .map(|(who, later)| {
            let first = v
                .positions
                .iter()
                .find(|(w, _)| w == who)
                .map_or("?", |(_, p)| p.key());
            format!("{}: {first}, then also {}", label(who), later.key())
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Where the result disagrees with the seats of those for and against (a tie rejects).
fn against_seats(v: &Vote, period: u32) -> Option<String> {
    let result = v.result?;
    let seats = |position: Position| -> u32 {
        v.positions
            .iter()
            .filter(|(_, p)| *p == position)
            .map(|(w, _)| match w {
                Voter::Faction(f) => lexicon::seats(period, *f).unwrap_or(0),
                Voter::Member(_) => 1,
            })
            .sum()
    };
    let (yes, no) = match (v.method, v.tally) {
        (
            VoteMethod::RollCall,
            Some(Tally {
                yes: Some(y),
                no: Some(n),
                ..
            }),
        ) => (y, n),
        _ => (seats(Position::Yes), seats(Position::No)),
    };
    let agrees = match result {
        VoteResult::Accepted => yes > no,
        VoteResult::Rejected => yes <= no,
    };
    (!agrees).then(|| {
        let r = match result {
            VoteResult::Accepted => "accepted",
            VoteResult::Rejected => "rejected",
        };
        format!("{r}, but {yes} seats (or votes) for it and {no} against")
    })
}

/// `CDU yes, GRÜNE no`, where the government's factions voted apart.
fn coalition_split(v: &Vote, when: When) -> Option<String> {
    let coalition = lexicon::coalition(when.wahlperiode, when.date);
    let positions: Vec<(&str, Position)> = coalition
        .iter()
        .filter_map(|f| {
            let (_, p) = v.positions.iter().find(|(w, _)| *w == Voter::Faction(*f))?;
            Some((f.label(), *p))
        })
        .collect();
    let apart = positions.windows(2).any(|w| w[0].1 != w[1].1);
    apart.then(|| {
        let said: Vec<String> = positions
            .iter()
            .map(|(f, p)| format!("{f} {}", p.key()))
            .collect();
        format!("the government's factions voted apart: {}", said.join(", "))
    })
}

/// A roll call's rows against the chair's totals and the annex's `Ergebnis` row.
pub fn roll_call(
    index: usize,
    rows: &[MemberVote],
    announced: Option<Tally>,
    ergebnis: Option<(u32, u32, u32)>,
) -> Vec<Check> {
    let count = |o: BallotOption| rows.iter().filter(|r| r.option == o).count() as u32;
    let marks = (
        count(BallotOption::Yes),
        count(BallotOption::No),
        count(BallotOption::Abstain),
    );
    let announced = announced.and_then(|t| Some((t.yes?, t.no?, t.abstain?)));
    [
        ("the chair announced", announced),
        ("the Ergebnis row gives", ergebnis),
    ]
    .into_iter()
    .filter_map(|(who, t)| {
        let t = t.filter(|t| *t != marks)?;
        Some(Check {
            kind: CheckKind::RollCallTotals,
            target: CheckTarget::Vote(index),
            detail: format!(
                "the rows give {} yes, {} no, {} abstentions; {who} {} / {} / {}",
                marks.0, marks.1, marks.2, t.0, t.1, t.2
            ),
        })
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vote::{plenary, When};

    fn checks(text: &str, period: u32) -> Vec<(CheckKind, String)> {
        let when = When {
            wahlperiode: Some(period),
            date: None,
        };
        let read: Vec<Vote> = plenary(text, None, when)
            .into_iter()
            .map(|r| r.vote)
            .collect();
        let mut out = votes(&read, when);
        out.extend(movers(&read, &crate::cited::cited(text)));
        out.into_iter().map(|c| (c.kind, c.detail)).collect()
    }

    /// The votes of `text` read in `period`, each with the span it was read from (as the
    /// protocol's reader sets it).
    fn spanned(text: &str, period: u32) -> Vec<Vote> {
        let when = When {
            wahlperiode: Some(period),
            date: None,
        };
        let chars = CharIndex::new(text);
        plenary(text, None, when)
            .into_iter()
            .map(|r| {
                let mut v = r.vote;
                v.span = chars.span(r.start..r.end);
                v
            })
            .collect()
    }

    /// The calls no vote covers, as their words, in a text read as one turn needing `calls`
    /// calls in a row, the votes read but the `lost` ones.
    fn unread_calls(text: &str, calls: usize, lost: &[usize]) -> Vec<String> {
        let chars = CharIndex::new(text);
        let read: Vec<Vote> = spanned(text, 18)
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !lost.contains(i))
            .map(|(_, v)| v)
            .collect();
        let turn = [Turn {
            span: chars.span(0..text.len()),
            item: Some("3".to_owned()),
            calls,
        }];
        unread(&chars, &turn, &read)
            .into_iter()
            .map(|u| chars.slice(u.at).to_owned())
            .collect()
    }

    #[test]
    fn a_call_for_a_vote_no_vote_covers_is_a_doubt() {
        let text = "Wer wissen will, wie es steht, der lese nach. Wer stimmt dem Antrag Drucksache 18/1 zu? – Die AfD. Die Gegenprobe! – Die übrigen Fraktionen. Stimmenthaltungen? – Keine. Damit ist der Antrag abgelehnt.\n\nWer dem Antrag Drucksache 18/3 zustimmen möchte, den bitte ich um das Handzeichen. – Alle Fraktionen. Damit ist der Antrag angenommen.";
        let none: [&str; 0] = [];
        assert_eq!(unread_calls(text, 1, &[]), none);
        // The first vote lost: one doubt, at its first call (a speaker's `Wer …` is none).
        let first = "Wer stimmt dem Antrag Drucksache 18/1 zu?";
        assert_eq!(unread_calls(text, 1, &[0]), [first]);
        assert_eq!(unread_calls(text, 2, &[0]), [first]);
        // Both lost: two doubts, the second's call alone is enough in the chair's turn only.
        let second =
            "Wer dem Antrag Drucksache 18/3 zustimmen möchte, den bitte ich um das Handzeichen";
        assert_eq!(unread_calls(text, 1, &[0, 1]), [first, second]);
        assert_eq!(unread_calls(text, 2, &[0, 1]), [first]);
        // A speaker's one question is no vote.
        let asked = "Wer ist denn ernsthaft dagegen? Niemand in diesem Haus.";
        assert_eq!(unread_calls(asked, 2, &[0]), none);
        assert_eq!(
            unread_calls(asked, 1, &[0]),
            ["Wer ist denn ernsthaft dagegen?"]
        );
    }

    #[test]
    fn a_speech_announces_what_its_faction_will_vote() {
        let cases = [
            ("Wir werden dem Antrag zustimmen.", Some(Position::Yes)),
            (
                "Deshalb stimmen wir dem Gesetzentwurf heute zu.",
                Some(Position::Yes),
            ),
            ("Den Antrag der AfD lehnen wir ab.", Some(Position::No)),
            ("Deshalb lehnen wir den Antrag ab.", Some(Position::No)),
            (
                "Wir werden dem Gesetzentwurf nicht zustimmen.",
                Some(Position::No),
            ),
            (
                "Bei diesem Antrag werden wir uns enthalten.",
                Some(Position::Abstain),
            ),
            ("Wenn Sie den Antrag ändern, würden wir zustimmen.", None),
            ("Da stimmen wir Ihnen beim Antrag zu.", None),
            ("Werden Sie dem Antrag zustimmen?", None),
            ("Wir werden das Thema weiter begleiten.", None),
            (
                "Dem Antrag der SPD stimmen wir zu, den Antrag der AfD lehnen wir ab.",
                None,
            ),
        ];
        for (s, want) in cases {
            assert_eq!(intent(s), want, "{s}");
        }
    }

    /// `Wir lehnen den Antrag ab` in an item voting on a recommendation to reject it is a yes
    /// to the recommendation; `Wir stimmen der Beschlussempfehlung zu` a yes whatever it proposes.
    #[test]
    fn an_announcement_on_the_paper_turns_with_a_recommendation_to_reject_it() {
        let mut v = crate::vote::empty_vote(None);
        v.recommends = Some(VoteResult::Rejected);
        assert_eq!(for_vote(Position::No, false, &v), Position::Yes);
        assert_eq!(for_vote(Position::Yes, true, &v), Position::Yes);
        assert_eq!(for_vote(Position::Abstain, false, &v), Position::Abstain);
        v.recommends = Some(VoteResult::Accepted);
        assert_eq!(for_vote(Position::No, false, &v), Position::No);
        assert_eq!(
            intent_on("Wir stimmen der Beschlussempfehlung zu."),
            Some((Position::Yes, true))
        );
    }

    #[test]
    fn movers_voting_against_their_own_paper_are_doubted() {
        let t = "Wir stimmen ab über den Antrag der Fraktion der FDP Drucksache 16/100. Wer stimmt dem Antrag zu? – SPD und Grüne. Wer stimmt dagegen? – CDU, FDP und Piraten. Damit ist der Antrag abgelehnt.";
        let found = checks(t, 16);
        let movers: Vec<&String> = found
            .iter()
            .filter(|(k, _)| *k == CheckKind::VoteMoversAgainst)
            .map(|(_, d)| d)
            .collect();
        assert_eq!(
            movers,
            ["the factions that moved Drucksache 16/100 voted against it: FDP no"]
        );
        // On a recommendation to reject it, the movers' no is no doubt.
        let t = "Der Ausschuss empfiehlt in Drucksache 16/150, den Antrag der Fraktion der FDP Drucksache 16/100 abzulehnen. Wer stimmt der Beschlussempfehlung zu? – SPD, Grüne, CDU und Piraten. Wer stimmt dagegen? – Die FDP. Damit ist die Beschlussempfehlung angenommen.";
        assert!(!checks(t, 16)
            .iter()
            .any(|(k, _)| *k == CheckKind::VoteMoversAgainst));
    }

    #[test]
    fn a_whole_vote_raises_no_doubt() {
        let t = "Wer stimmt dem Antrag Drucksache 16/1 zu? – SPD und Grüne. Wer stimmt dagegen? – CDU und FDP. Wer enthält sich? – Die Piraten. Damit ist der Antrag angenommen.";
        assert_eq!(checks(t, 16), []);
    }

    #[test]
    fn a_vote_without_a_result_is_a_doubt() {
        // The result sentence is cut off (a page lost, a misread passage): the answers alone
        // name every faction, but no result.
        let t = "Wer stimmt dem Antrag Drucksache 16/1 zu? – SPD und Grüne. Wer stimmt dagegen? – CDU, FDP und Piraten.";
        let c = checks(t, 16);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, CheckKind::VoteResultMissing);
    }

    #[test]
    fn a_faction_left_out_is_a_doubt() {
        let t = "Wer stimmt dem Antrag Drucksache 16/1 zu? – SPD und Grüne. Wer stimmt dagegen? – Die CDU. Damit ist der Antrag angenommen.";
        let c = checks(t, 16);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, CheckKind::VoteFactionsIncomplete);
        assert!(
            c[0].1.starts_with("no position for FDP, PIRATEN"),
            "{}",
            c[0].1
        );
    }

    #[test]
    fn a_result_against_the_seats_is_a_doubt() {
        // SPD and GRÜNE hold 128 of 237 seats in the 16th period: their no rejects.
        let t = "Wer stimmt dem Antrag Drucksache 16/1 zu? – CDU, FDP und Piraten. Wer stimmt dagegen? – SPD und Grüne. Damit ist der Antrag angenommen.";
        let c = checks(t, 16);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, CheckKind::VoteResultSeats);
        assert_eq!(
            c[0].1,
            "accepted, but 109 seats (or votes) for it and 128 against"
        );
    }

    #[test]
    fn two_positions_for_one_faction_are_a_doubt() {
        let t = "Wer stimmt dem Antrag Drucksache 18/1 zu? – Die AfD. Wer stimmt dagegen? – CDU, SPD, Grüne, FDP und AfD. Damit ist der Antrag abgelehnt.";
        let c = checks(t, 18);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, CheckKind::VoteFactionTwice);
        assert_eq!(c[0].1, "AfD: yes, then also no");
    }

    #[test]
    fn a_joint_vote_covers_the_factions_together() {
        let t = "Wer stimmt dem Wahlvorschlag der Fraktion der AfD Drucksache 17/2 zu? – Das ist die AfD-Fraktion. Wer stimmt dem gemeinsamen Wahlvorschlag Drucksache 17/19 zu? – Das sind die Fraktionen von SPD, Grünen, CDU und FDP. Wer stimmt gegen die Wahlvorschläge? – Das ist niemand. Damit sind die Wahlvorschläge angenommen.";
        assert_eq!(checks(t, 17), []);
    }

    #[test]
    fn members_counted_but_not_named_are_a_doubt() {
        let unnamed = |text: &str| {
            let chars = CharIndex::new(text);
            let read = spanned(text, 17);
            unnamed_members(&chars, &read)
                .into_iter()
                .map(|c| c.detail)
                .collect::<Vec<_>>()
        };
        let counted = "Wer stimmt dem Antrag Drucksache 17/1 zu? – Das sind CDU, SPD, FDP, Grüne, AfD und die beiden fraktionslosen Abgeordneten. Wer stimmt dagegen? – Niemand. Damit ist der Antrag angenommen.";
        assert_eq!(unnamed(counted).len(), 1, "{:?}", unnamed(counted));
        assert!(unnamed(counted)[0].contains("counts 2 member(s)"));
        let named = "Wer stimmt dem Antrag Drucksache 17/1 zu? – Das sind CDU, SPD und die beiden fraktionslosen Abgeordneten Neppe und Langguth. Wer stimmt dagegen? – Niemand. Damit ist der Antrag angenommen.";
        assert_eq!(unnamed(named), Vec::<String>::new());
        let absent = "Wer stimmt der Empfehlung Drucksache 17/1 zu? – CDU, SPD, FDP, Grüne und AfD. Fraktionslose Abgeordnete sind nicht im Saal. Damit ist die Empfehlung einstimmig angenommen.";
        assert_eq!(unnamed(absent), Vec::<String>::new());
        let one = "Wer stimmt dem Antrag Drucksache 17/1 zu? – Die AfD und der fraktionslose Kollege. Damit ist der Antrag abgelehnt.";
        assert!(unnamed(one)[0].contains("counts 1 member(s)"));
    }

    #[test]
    fn a_chair_naming_no_one_raises_no_doubt() {
        let t = "Wer stimmt dem Antrag Drucksache 18/1 zu? – Wer stimmt dagegen? – Wer enthält sich? – Damit ist der Antrag angenommen.";
        assert_eq!(checks(t, 18), []);
    }
}
