//! A second reading of a vote passage, by its words alone (`data/lexicon/stimmworte.tsv`): a
//! faction named after a word that says a position (`Wer stimmt zu? – SPD`, `gegen die Stimmen
//! von CDU`, `bei Enthaltung der AfD`) takes the position of the nearest such word before it;
//! a faction followed in its clause by a predicate (`die Piraten enthalten sich`) takes the
//! predicate's; a result said unanimous (`einstimmig angenommen`) reads every faction of the
//! period. It knows no grammar of questions, answers and clauses, names no other collective
//! (`alle anderen Fraktionen`) and leaves out a faction it reads two ways and the movers of a
//! paper (`Antrag der Fraktion der FDP`). Where it reads a faction otherwise than the vote
//! parser, one of the two readings is wrong: the check `vote-reread-otherwise` (`checks.rs`).

use crate::lexicon::{self, Faction, Periods};
use crate::model::Position;
use regex::Regex;
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../../data/lexicon/stimmworte.tsv");

/// What a word says of the factions it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Says {
    Is(Position),
    /// Those who made the result: yes, or no where the sentence says `abgelehnt`.
    Majority,
    /// Those against the result: the opposite.
    Minority,
    /// What the words around it say, as of a faction named there (`Wer stimmt zu? – Das ist
    /// das ganze Haus.`).
    Named,
}

/// A row of the table.
struct Word {
    says: Says,
    /// Where the word stands to the factions it reads.
    reads: Reads,
    periods: Periods,
    pattern: Regex,
    /// A passage the tests read, and what it must give (`SPD=yes`).
    #[cfg(test)]
    example: &'static str,
    #[cfg(test)]
    expect: &'static str,
}

/// Where a word stands to the factions it reads (the table's `reads` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reads {
    /// Before them: `Wer stimmt zu? – SPD`.
    Before,
    /// After them, in their clause: `die Piraten enthalten sich`.
    After,
    /// It names every faction of the period itself (`einstimmig angenommen`).
    All,
}

fn says(key: &str) -> Says {
    match key {
        "yes" => Says::Is(Position::Yes),
        "no" => Says::Is(Position::No),
        "abstain" => Says::Is(Position::Abstain),
        "majority" => Says::Majority,
        "minority" => Says::Minority,
        "named" => Says::Named,
        other => panic!("stimmworte.tsv: no position `{other}`"),
    }
}

static WORDS: LazyLock<Vec<Word>> = LazyLock::new(|| {
    TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("position\t") && !l.is_empty())
        .map(|l| {
            let c: Vec<&'static str> = l.split('\t').collect();
            assert_eq!(c.len(), 6, "stimmworte.tsv: six columns in `{l}`");
            Word {
                says: says(c[0]),
                reads: match c[1] {
                    "before" => Reads::Before,
                    "after" => Reads::After,
                    "all" => Reads::All,
                    other => panic!("stimmworte.tsv: no way of reading `{other}`"),
                },
                periods: Periods::parse(c[2]),
                pattern: Regex::new(&format!("(?i){}", c[3]))
                    .unwrap_or_else(|e| panic!("stimmworte.tsv: {e}")),
                #[cfg(test)]
                example: c[4],
                #[cfg(test)]
                expect: c[5],
            }
        })
        .collect()
});

/// A faction's name as printed; the spellings of the lexicon, whole words.
static FACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^\w-])({})(?:$|[^\w])",
        lexicon::spelling_pattern()
    ))
    .expect("valid")
});

/// A faction named as a paper's mover just before: `Antrag der Fraktion der`, `Gesetzentwurf
/// der SPD und der`, `Antrag der Fraktionen von CDU, SPD, FDP und`.
static MOVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:Antrag|Anträge|Gesetzentwurf|Änderungsantrag|Entschließungsantrag|Große\s+Anfrage|Initiative|Wahlvorschl|Vorschl)\w*\s+(?:der|des|von)\s+(?:Fraktion(?:en)?\s+(?:der|des|von)\s+)?(?:[^.?!;:()–]{1,60}?(?:,|\s+und|\s+sowie)\s+(?:der\s+|von\s+)?(?:Fraktion\s+(?:der\s+)?)?)*$")
        .expect("valid")
});

/// What stands in brackets: an interjection or stage direction (`(Beifall von der SPD)`),
/// whose factions are no voters.
static BRACKETS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\([^()]*\)").expect("valid"));

/// A result sentence that rejects: `… abgelehnt`, `Der Ausschuss lehnt … ab`.
static REJECTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\babgelehnt\b|\blehnt\b[^.]*\bab\b").expect("valid"));

/// Members of a faction, not the faction: `eine Gegenstimme aus der AfD`, `Zwei
/// Stimmenthaltungen aus den Reihen der AfD-Fraktion`.
static MEMBERS_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\baus\s+(?:den\s+Reihen\s+)?(?:der|den|dem)\s+(?:Fraktion\s+(?:der\s+)?)?$")
        .expect("valid")
});

/// Between a word and the faction it reads: no sentence's end and no blank line (a heading
/// after the vote), one question at most (the question the faction answers).
fn reaches(gap: &str) -> bool {
    static STOP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\.\s+[A-ZÄÖÜ]|\n\s*\n").expect("valid"));
    gap.matches(['?', '!']).count() <= 1 && !STOP.is_match(gap) && !gap.contains(';')
}

/// The positions `passage` gives the factions of `period` it names, read by its words alone;
/// a faction read two ways is left out.
pub fn positions(passage: &str, period: u32) -> Vec<(Faction, Position)> {
    // Brackets blanked, not cut: every offset stays.
    let passage = &*BRACKETS.replace_all(passage, |c: &regex::Captures<'_>| " ".repeat(c[0].len()));
    let before: Vec<(usize, usize, Says)> = {
        let mut found: Vec<_> = WORDS
            .iter()
            .filter(|w| w.reads == Reads::Before && w.periods.contains(period))
            .flat_map(|w| {
                w.pattern
                    .find_iter(passage)
                    .map(|m| (m.start(), m.end(), w.says))
            })
            .collect();
        found.sort_unstable_by_key(|(s, e, _)| (*e, std::cmp::Reverse(*s)));
        found
    };
    let mut read: Vec<(Faction, Option<Position>)> = Vec::new();
    for c in FACTION.captures_iter(passage) {
        let m = c.get(1).expect("group");
        let Some(f) = lexicon::faction_named(m.as_str(), Some(period)).filter(|f| f.sat_in(period))
        else {
            continue;
        };
        let Some(p) = position_at(passage, period, (m.start(), m.end()), &before) else {
            continue;
        };
        note(&mut read, f, p);
    }
    for (f, p) in whole_house(passage, period, &before) {
        note(&mut read, f, p);
    }
    read.into_iter()
        .filter_map(|(f, p)| Some((f, p?)))
        .collect()
}

/// An exception right after a collective (`alle Fraktionen mit Ausnahme der AfD`).
static EXCEPT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:mit\s+Ausnahme|außer|bis\s+auf|ausgenommen)\b").expect("valid")
});

/// A faction named as an exception (`alle anderen mit Ausnahme der FDP`): the collective it
/// is taken from is not read, so neither is it (but for a predicate of its own after it).
static EXCEPTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:mit\s+Ausnahme|bis\s+auf|außer|ausgenommen)\s+(?:von\s+)?(?:der|die|den|dem|des)?\s*(?:Fraktion(?:en)?\s+(?:der\s+)?)?$").expect("valid")
});

/// A faction read at `p`; read two ways, it is left out (`None`).
fn note(read: &mut Vec<(Faction, Option<Position>)>, f: Faction, p: Position) {
    match read.iter_mut().find(|(g, _)| *g == f) {
        Some((_, seen)) if *seen != Some(p) => *seen = None,
        Some(_) => {}
        None => read.push((f, Some(p))),
    }
}

/// The factions a word naming the whole house reads (`einstimmig angenommen`: every faction of
/// the period, yes, or no where its sentence rejects; `das ganze Haus`: what the words before
/// it say).
fn whole_house(
    passage: &str,
    period: u32,
    before: &[(usize, usize, Says)],
) -> Vec<(Faction, Position)> {
    let mut out = Vec::new();
    for w in WORDS
        .iter()
        .filter(|w| w.reads == Reads::All && w.periods.contains(period))
    {
        for m in w.pattern.find_iter(passage) {
            let p = match w.says {
                Says::Is(p) => p,
                // `alle Fraktionen mit Ausnahme der AfD`: not the whole house.
                Says::Named if EXCEPT_AFTER.is_match(&passage[m.end()..]) => continue,
                Says::Named => match position_at(passage, period, (m.start(), m.end()), before) {
                    Some(p) => p,
                    None => continue,
                },
                Says::Majority | Says::Minority => {
                    let rejected =
                        REJECTED.is_match(sentence_around(passage, (m.start(), m.end())));
                    if rejected == (w.says == Says::Majority) {
                        Position::No
                    } else {
                        Position::Yes
                    }
                }
            };
            out.extend(lexicon::factions_in(period).into_iter().map(|f| (f, p)));
        }
    }
    out
}

/// The position the words around a faction named at `at` give it: a predicate after it, else
/// the nearest word before it (the longer where two end alike); none for a mover.
fn position_at(
    passage: &str,
    period: u32,
    at: (usize, usize),
    before: &[(usize, usize, Says)],
) -> Option<Position> {
    if let Some(p) = predicate_after(passage, period, at.1) {
        return Some(p);
    }
    let ahead = &passage[..at.0];
    if MOVER.is_match(ahead) || MEMBERS_OF.is_match(ahead) || EXCEPTED.is_match(ahead) {
        return None;
    }
    let (start, end, says) = before.iter().rev().find(|(_, e, _)| *e <= at.0)?;
    if !reaches(&passage[*end..at.0]) {
        return None;
    }
    Some(match says {
        Says::Is(p) => *p,
        Says::Named => return None,
        Says::Majority | Says::Minority => {
            let rejected = REJECTED.is_match(sentence_around(passage, (*start, *end)));
            match (says, rejected) {
                (Says::Majority, false) | (Says::Minority, true) => Position::Yes,
                _ => Position::No,
            }
        }
    })
}

/// The sentence a word at `at` stands in (the one sentence splitter's: `Dr. Blex` and
/// `F.D.P. abgelehnt` run on).
fn sentence_around(passage: &str, at: (usize, usize)) -> &str {
    crate::sentence::split(passage)
        .into_iter()
        .find(|&(_, b)| b >= at.1)
        .map_or(passage, |(a, b)| &passage[a.min(at.0)..b])
}

/// A relative clause opening right after a faction's name (`, die …`).
static RELATIVE_OPEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*,\s*(?:die|der|welche)\s").expect("valid"));

/// Characters after a faction's name a predicate of it is looked for in.
const PREDICATE_WINDOW: usize = 80;

/// The position a predicate right after a faction's name gives it, inside its clause (which a
/// question mark does not close: `die CDU dagegen?` is no predicate).
fn predicate_after(passage: &str, period: u32, from: usize) -> Option<Position> {
    let rest = &passage[from..];
    let window = rest
        .char_indices()
        .nth(PREDICATE_WINDOW)
        .map_or(rest, |(i, _)| &rest[..i]);
    // `die FDP, die sich enthält`: a relative clause after the name is its predicate.
    let window = RELATIVE_OPEN
        .find(window)
        .map_or(window, |m| &window[m.end()..]);
    let close = window.find(['.', '!', '?', ';', '–', ','])?;
    if window[close..].starts_with('?') {
        return None;
    }
    let clause = &window[..close];
    WORDS
        .iter()
        .filter(|w| w.reads == Reads::After && w.periods.contains(period))
        .find(|w| w.pattern.is_match(clause))
        .and_then(|w| match w.says {
            Says::Is(p) => Some(p),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn last_period(p: &Periods) -> u32 {
        (1..=18).rev().find(|n| p.contains(*n)).expect("a period")
    }

    #[test]
    fn every_word_reads_its_example() {
        assert!(WORDS.len() >= 20);
        for w in WORDS.iter() {
            let period = last_period(&w.periods);
            let (label, position) = w.expect.split_once('=').expect("FACTION=position");
            let f = lexicon::faction_named(label, Some(period)).expect(label);
            let got = positions(w.example, period);
            assert!(
                got.iter().any(|(g, p)| *g == f && p.key() == position),
                "`{}`: {got:?}, expected {}",
                w.example,
                w.expect
            );
        }
    }

    #[test]
    fn a_whole_passage_of_questions_answers_and_result_reads_alike() {
        let f = |l| lexicon::faction_named(l, Some(16)).unwrap();
        let mut r = positions(
            "Wer stimmt dem Antrag der Fraktion der CDU zu? – Das sind CDU und FDP. Wer stimmt \
             dagegen? – SPD und Grüne. Wer enthält sich? – Die Piraten. Damit ist der Antrag \
             mit den Stimmen von SPD und Grünen gegen die Stimmen von CDU und FDP bei \
             Enthaltung der Piraten abgelehnt.",
            16,
        );
        r.sort_by_key(|(g, _)| g.label());
        let mut want = vec![
            (f("CDU"), Position::Yes),
            (f("FDP"), Position::Yes),
            (f("SPD"), Position::No),
            (f("GRÜNE"), Position::No),
            (f("PIRATEN"), Position::Abstain),
        ];
        want.sort_by_key(|(g, _)| g.label());
        assert_eq!(r, want);
    }

    #[test]
    fn movers_collectives_and_two_readings_are_left_out() {
        let read = |t| positions(t, 18);
        // The mover of the paper is no voter; `alle anderen Fraktionen` names no faction.
        let r = read("Wir stimmen ab über den Antrag der Fraktion der FDP. Wer stimmt zu? – Die SPD. Wer stimmt dagegen? – Alle anderen Fraktionen.");
        assert_eq!(
            r,
            vec![(
                lexicon::faction_named("SPD", Some(18)).unwrap(),
                Position::Yes
            )]
        );
        // Several movers, and factions in an interjection, are no voters.
        let r = read("Wer ist gegen den Antrag der Fraktionen von CDU, SPD, FDP und BÜNDNIS 90/DIE GRÜNEN? (Beifall von der SPD) – Die AfD.");
        assert_eq!(
            r,
            vec![(
                lexicon::faction_named("AfD", Some(18)).unwrap(),
                Position::No
            )]
        );
        // Read two ways: left out.
        let r = read("Wer stimmt zu? – Die CDU. Wer stimmt dagegen? – Die CDU.");
        assert!(r.is_empty(), "{r:?}");
        // `F.D.P. abgelehnt`: the sentence runs on past the abbreviation.
        let r = positions(
            "mit den Stimmen von SPD gegen die Stimmen von F.D.P. abgelehnt.",
            13,
        );
        let fdp = lexicon::faction_named("FDP", Some(13)).unwrap();
        assert!(r.contains(&(fdp, Position::Yes)), "{r:?}");
    }
}
