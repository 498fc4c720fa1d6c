//! How many wrong votes the document's own checks would flag: every vote of the vote cases
//! (`tests/data/parse/vote/`, right as they stand and not flagged) is made wrong in the ways a
//! reader goes wrong (a faction left out, the result turned or lost, one faction's position
//! turned, the sides swapped), and the checks must doubt most of them. Prints the rate per kind of error.

use landtag_model::model::{CharIndex, CheckTarget, CitedPaper, Position, Vote, VoteResult, Voter};
use landtag_parse::{checks, cited, vote, voters};
use std::path::Path;

/// One vote of a case: its period, the case's votes and this one's index among them (a joint
/// vote is checked with the others), the papers the case's text names (with their movers), the
/// case's text.
type Case = (
    u32,
    std::rc::Rc<[Vote]>,
    usize,
    Vec<CitedPaper>,
    std::rc::Rc<str>,
);

/// Each case's votes with the case's period and papers.
fn cases() -> Vec<Case> {
    // Another folder of the same shape (`LANDTAG_LOD_CASES=DIR`, as the cases runner reads).
    let dir = std::env::var_os("LANDTAG_LOD_CASES").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/parse"),
        std::path::PathBuf::from,
    );
    let dir = dir.join("vote");
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let raw = std::fs::read_to_string(&path).unwrap();
        let period: Option<u32> = raw
            .lines()
            .find_map(|l| l.strip_prefix("# period: "))
            .and_then(|p| p.parse().ok());
        let Some(period) = period else { continue };
        let text: String = raw
            .lines()
            .filter(|l| !l.starts_with("# "))
            .collect::<Vec<_>>()
            .join("\n");
        let when = voters::When {
            wahlperiode: Some(period),
            date: None,
        };
        let papers = cited::cited(&text);
        let text: std::rc::Rc<str> = text.into();
        let chars = CharIndex::new(&text);
        let votes: std::rc::Rc<[Vote]> = vote::plenary(&text, None, when)
            .into_iter()
            .map(|r| {
                // Where the vote was read from, as the protocol's reader sets it.
                let mut v = r.vote;
                v.span = chars.span(r.start..r.end);
                v
            })
            .collect();
        for i in 0..votes.len() {
            out.push((period, votes.clone(), i, papers.clone(), text.clone()));
        }
    }
    out
}

/// Whether a check doubts the vote `i` of `votes`.
fn flagged(votes: &[Vote], i: usize, period: u32, papers: &[CitedPaper], text: &str) -> bool {
    let when = voters::When {
        wahlperiode: Some(period),
        date: None,
    };
    let chars = CharIndex::new(text);
    checks::votes(votes, when)
        .into_iter()
        .chain(checks::movers(votes, papers))
        .chain(checks::reread(&chars, votes, when))
        .any(|c| c.target == CheckTarget::Vote(i))
}

/// Whether the chair's calls doubt vote `i` of `votes` once the reader lost it (`vote-missed`,
/// the text read as one turn of the chair).
fn lost_is_doubted(votes: &[Vote], i: usize, text: &str) -> bool {
    let chars = CharIndex::new(text);
    let mut rest = votes.to_vec();
    let v = rest.remove(i);
    let turn = [checks::Turn {
        span: chars.span(0..text.len()),
        item: None,
        calls: 1,
    }];
    checks::unread(&chars, &turn, &rest)
        .iter()
        .any(|u| v.span.start() <= u.at.start() && u.at.start() < v.span.end())
}

fn turn(p: Position) -> Position {
    match p {
        Position::Yes => Position::No,
        Position::No => Position::Yes,
        Position::Abstain => Position::Yes,
    }
}

/// The wrong versions of a vote, by kind of error.
fn wrong(v: &Vote) -> Vec<(&'static str, Vote)> {
    let mut out = Vec::new();
    for i in 0..v.positions.len() {
        if !matches!(v.positions[i].0, Voter::Faction(_)) {
            continue;
        }
        let mut w = v.clone();
        w.positions.remove(i);
        out.push(("a faction left out", w));
        let mut w = v.clone();
        w.positions[i].1 = turn(w.positions[i].1);
        out.push(("one faction's position turned", w));
    }
    let mut w = v.clone();
    w.result = w.result.map(|r| match r {
        VoteResult::Accepted => VoteResult::Rejected,
        VoteResult::Rejected => VoteResult::Accepted,
    });
    out.push(("the result turned", w));
    let mut w = v.clone();
    w.result = None;
    out.push(("the result lost", w));
    let mut w = v.clone();
    for p in &mut w.positions {
        if p.1 != Position::Abstain {
            p.1 = turn(p.1);
        }
    }
    out.push(("the sides swapped", w));
    out
}

#[test]
fn the_checks_doubt_most_wrong_votes() {
    let mut rates: std::collections::BTreeMap<&str, (u32, u32)> = Default::default();
    let (mut right, mut doubted) = (0, 0);
    for (period, votes, i, papers, text) in cases() {
        let v = &votes[i];
        // Only votes that are whole and not doubted as they stand.
        if v.result.is_none() || v.positions.is_empty() {
            continue;
        }
        if flagged(&votes, i, period, &papers, &text) {
            doubted += 1;
            continue;
        }
        right += 1;
        let e = rates.entry("the vote lost").or_default();
        e.1 += 1;
        e.0 += u32::from(lost_is_doubted(&votes, i, &text));
        for (kind, w) in wrong(v) {
            let e = rates.entry(kind).or_default();
            e.1 += 1;
            let mut all = votes.to_vec();
            all[i] = w;
            e.0 += u32::from(flagged(&all, i, period, &papers, &text));
        }
    }
    assert!(right >= 40, "{right} whole votes among the cases");
    // The cases are read right: a doubt about one of them is a false alarm.
    println!(
        "right votes doubted as they stand: {doubted} of {}",
        right + doubted
    );
    assert!(
        doubted * 10 <= right + doubted,
        "{doubted} right votes doubted"
    );
    let (mut hit, mut all) = (0, 0);
    for (kind, (h, n)) in &rates {
        println!(
            "{kind}: {h} of {n} flagged ({:.0} %)",
            100.0 * *h as f64 / *n as f64
        );
        hit += h;
        all += n;
    }
    println!(
        "all: {hit} of {all} ({:.0} %) over {right} votes",
        100.0 * hit as f64 / all as f64
    );
    let rate = |k: &str| rates[k].0 as f64 / rates[k].1 as f64;
    // A joint vote's factions are covered by its votes together: one left out of a joint
    // vote where it voted for the other proposal is no doubt.
    assert!(rate("a faction left out") >= 0.99, "{rates:?}");
    assert!(rate("the result turned") >= 0.8, "{rates:?}");
    assert_eq!(rate("the result lost"), 1.0);
    assert!(rate("the vote lost") >= 0.9, "{rates:?}");
    assert!(rate("the sides swapped") >= 0.8, "{rates:?}");
    assert!(hit as f64 / all as f64 >= 0.7, "{rates:?}");
}

/// A real protocol, 18/115 from its PDF (`sample/pdf`), normalised and read.
fn real_protocol() -> (
    landtag_text::normalize::Normalized,
    landtag_model::model::Document,
) {
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../sample/pdf/mmp18-115.pdf");
    let bytes = std::fs::read(&pdf).unwrap();
    let raw = landtag_text::pdf::text(&pdf, &bytes).unwrap();
    let normalized = landtag_text::normalize::normalize(&raw);
    let doc = landtag_parse::parse(&normalized).document.unwrap();
    (normalized, doc)
}

/// The announcements of the debate against the positions read, on a real protocol (18/115 from
/// its PDF, `sample/pdf`): the votes as read raise no such doubt, and a faction's position
/// turned is doubted wherever its speakers announced it. Prints how many.
#[test]
fn the_debate_doubts_a_faction_read_otherwise_than_announced() {
    let (normalized, doc) = real_protocol();
    let chars = landtag_model::model::CharIndex::new(&normalized.text);
    let doubted = |votes: &[Vote]| checks::announced(&chars, &doc.contributions, votes);
    assert_eq!(doubted(&doc.votes).len(), 0, "{:?}", doubted(&doc.votes));
    let when = voters::When {
        wahlperiode: doc.wahlperiode,
        date: doc.meeting.as_ref().and_then(|m| m.date),
    };
    // Read again by its words alone, every vote of 18/115 reads as the parser read it.
    let reread = checks::reread(&chars, &doc.votes, when);
    assert!(reread.is_empty(), "{reread:?}");
    let any = |votes: &[Vote], i: usize| {
        let one = std::slice::from_ref(&votes[i]);
        !checks::votes(one, when).is_empty()
            || !checks::movers(one, &doc.cited).is_empty()
            || !checks::reread(&chars, one, when).is_empty()
    };
    let (mut turned, mut by_debate, mut by_any) = (0, 0, 0);
    for (i, v) in doc.votes.iter().enumerate() {
        for k in 0..v.positions.len() {
            let mut votes = doc.votes.clone();
            votes[i].positions[k].1 = turn(v.positions[k].1);
            turned += 1;
            let debate = !doubted(&votes).is_empty();
            by_debate += usize::from(debate);
            by_any += usize::from(debate || any(&votes, i));
        }
    }
    println!(
        "18/115, one faction's position turned: {by_debate} of {turned} doubted by the debate, \
         {by_any} by any check"
    );
    assert!(by_debate > 0, "{by_debate} of {turned}");
}

/// Each vote of a real protocol (18/115 from its PDF) lost in turn: the chair's calls for it
/// doubt it (`vote-missed`), and with every vote read none is doubted.
#[test]
fn a_vote_lost_from_a_real_protocol_is_doubted() {
    let (normalized, doc) = real_protocol();
    let chars = CharIndex::new(&normalized.text);
    let turns = checks::Turn::of(&doc.contributions);
    assert_eq!(checks::unread(&chars, &turns, &doc.votes), []);
    let mut doubted = 0;
    for (i, v) in doc.votes.iter().enumerate() {
        let mut rest = doc.votes.clone();
        rest.remove(i);
        let found = checks::unread(&chars, &turns, &rest);
        // Doubts stand in the lost vote's passage only (one for each round the chair asked).
        let within =
            |u: &checks::Unread| v.span.start() <= u.at.start() && u.at.start() < v.span.end();
        assert!(found.iter().all(within), "{found:?}");
        let hit = !found.is_empty();
        doubted += usize::from(hit);
    }
    println!(
        "18/115, one vote lost: {doubted} of {} doubted",
        doc.votes.len()
    );
    assert!(doubted * 10 >= doc.votes.len() * 9, "{doubted}");
}
