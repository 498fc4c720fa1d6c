//! Votes read from German parliamentary prose, as a grammar of the passage rather than a list
//! of sentences.
//!
//! A plenary vote is a run of *questions* (who is for it, against it, abstains: in any of the
//! chairs' wordings, `Wer stimmt … zu?`, `Wer … zustimmen möchte, den bitte ich um das
//! Handzeichen.`, `Gegenstimmen?`, `Wer enthält sich bei dieser Ziffer?`), each with an answer or
//! none, closed by a *result* sentence (`Damit ist … mit den Stimmen von A gegen die Stimmen von
//! B bei Enthaltung von C abgelehnt.`). Any part may be missing: a vote asked only as `Wer stimmt
//! gegen …?`, questions left unanswered with the positions in the result, a result alone (after
//! a roll call). Committee decisions are one sentence: `Der Ausschuss lehnt den Antrag mit den
//! Stimmen … ab.`
//! A result stated is taken; one implied by the positions (all yes, none against) is recorded
//! as accepted; anything else stays open.

use super::phrases::{self, Family};
use super::refs;
use super::sentence;
use super::tally;
pub use super::voters::{label, When};
use super::voters::{named, Named};
use crate::lexicon;
use crate::model::{CharSpan, PaperKind, PaperRef, Position, Vote, VoteMethod, VoteResult, Voter};
use crate::words::{self, collapse};
use regex::Regex;
use std::sync::LazyLock;

/// A vote with byte offsets relative to the text it was read from.
pub struct Read {
    pub vote: Vote,
    pub start: usize,
    pub end: usize,
}

/// The clauses of a result: who made the majority, who voted against it, who abstained
/// (`abstimmung.tsv`, families `clause-…`), each as a named group.
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?:{})\b", phrases::groups(&CLAUSE_GROUPS))).unwrap()
});
const CLAUSE_GROUPS: [(&str, Family); 6] = [
    ("majority", Family::ClauseMajority),
    ("minority", Family::ClauseMinority),
    ("yes", Family::ClauseYes),
    ("no", Family::ClauseNo),
    ("abstain", Family::ClauseAbstain),
    ("none", Family::ClauseNone),
];
/// Where a question may begin.
static QUESTION_START: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::Question));
static ASK_ABSTAIN: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::AskAbstain));
static ASK_NO: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::AskNo));
static ASK_YES: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::AskYes));
static ASK_FOLLOW_UP: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::AskFollowUp));
static PRESUME_NONE: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::PresumeNone));
/// The result verb: a rejecting one is tried first (`nicht erteilt` before `erteilt`).
static RESULT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:{})\b",
        phrases::groups(&[
            ("rejected", Family::ResultRejected),
            ("accepted", Family::ResultAccepted)
        ])
    ))
    .unwrap()
});
static RESULT_MARK: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::ResultMark));
static REPEATED: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::Repeat));
static REFERRAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)Überweisung\s+(?:(?:des|der)\s+[^.]*?\s+)?an\s+(?P<list>(?:den|die|das)\s.*?)(?:\.\s|\.$|;|\s+[Dd]ie\s+abschließende)|(?:Antrag|Gesetzentwurf|Entschließungsantrag|Drucksachen?\s+\d+/\d+(?:\s*(?:,|und)\s*\d+/\d+)*|\bihn|\bdiesen)(?:\s*[–-]\s*Neudruck\s*[–-])?(?:\s+(?:ohne\s+(?:Debatte|Aussprache)|heute|jetzt|nun|direkt|sofort|gleich))*(?:\s+zur\s+Mitberatung)?\s+(?P<also2>(?:auch|zudem|zusätzlich|ebenfalls)\s+)?(?:an|in)\s+(?P<list2>(?:den|die|das)\s[^.]*?)(?:\s+zur\s+Mitberatung)?\s+zu\s+(?:überweisen|verweisen)|(?:Antrag|Gesetzentwurf|Entschließungsantrag|Drucksachen?\s+\d+/\d+)\s+(?P<list4>(?:dem|der)\s[^.,]*?)\s+zuzuweisen|\bsoll(?:en)?\s+(?P<also3>(?:auch|zudem|zusätzlich|ebenfalls)\s+)?an\s+(?P<list3>(?:den|die|das)\s[^.]*?)(?:\s+zur\s+Mitberatung)?\s+überwiesen\s+werden|\b(?:möchten?|wollen|will|sollen?)\s+(?:(?:auch|zudem|zusätzlich|ebenfalls)\s+)?(?P<list5>(?:den|die|das)\s[^.]*?)\s+zur\s+Mitberatung\s+(?:beteiligen|hinzuziehen|einbeziehen|beteiligt\s+werden|hinzugezogen\s+werden)").unwrap()
});
/// The lead committee named in a sentence of its own (`Der Verkehrsausschuss soll die
/// Federführung erhalten.`, `Die Federführung soll beim Innenausschuss liegen.`).
static LEAD_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[.!?]\s+)(?:Der|Die|Das)\s+(?P<a>[^.]*?)\s+soll\s+(?:die\s+)?Federführung\s+(?:erhalten|haben|übernehmen)|Federführung\s+(?:soll\s+)?(?:beim|bei\s+(?:der|dem))\s+(?P<b>[^.]*?)\s+liegen").unwrap()
});
/// A referral's committees as its result names them, where nothing before proposed them
/// (`Damit ist die Überweisung des Antrags … an den Rechtsausschuss beschlossen.`, `Damit ist der
/// Antrag an den Hauptausschuss überwiesen.`, `… haben … den Antrag in den Ausschuss für Europa
/// und Eine Welt überwiesen.`).
static REFERRED_IN_RESULT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:an\s+(?P<list>(?:den|die|das)\s[^.?!]*?)|in\s+(?P<into>(?:den|die)\s[^.?!]*?[Aa]usschu[^.?!]*?))\s+(?:(?:einstimmig|mehrheitlich|so)\s+)?(?:überwiesen|beschlossen|erfolgt|angenommen|zugestimmt)\b").unwrap()
});

/// The committees a result names (`an den …`, or `in den … Ausschuss` where a committee follows).
fn referred_in(asked: &str) -> (Option<String>, Vec<String>) {
    REFERRED_IN_RESULT
        .captures(asked)
        .and_then(|c| c.name("list").or(c.name("into")))
        .map(|list| committees(list.as_str()))
        .unwrap_or_default()
}

/// A committee's role in a referral, said beside its name: the lead's (`– federführend –`,
/// `in der Federführung`, group `lead`) or a co-adviser's (`in der Mitberatung`, `– mitberatend
/// –`).
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[–-]\s*)?\b(?:(?P<lead>federführend|(?:in|zur)\s+(?:der\s+)?Federführung)|mitberatend|(?:in|zur)\s+(?:der\s+)?Mitberatung)\b(?:\s*[–-])?").unwrap()
});
/// A second paper sent where the proposal sends the first (`… soll ebenfalls entsprechend
/// überwiesen werden`, `… wird gleichfalls dorthin überwiesen`).
static CO_REFERRED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:ebenfalls|gleichfalls|auch)\s+(?:entsprechend\s+|dorthin\s+|mit\s+)?überwiesen\b",
    )
    .unwrap()
});
/// A sentence leading to a question that proposes a referral (`Der Gesetzentwurf … soll an den
/// Haushalts- und Finanzausschuss überwiesen werden.`), not one telling of a referral made.
static REFERRAL_PROPOSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Überweisung|überwiesen\s+werden|zu\s+(?:überweisen|verweisen)|zuzuweisen").unwrap()
});

/// How far before a question or result the passage that leads to it may reach (a paper named,
/// `noch einmal`, a roll call's totals), in characters.
const GAP_CHARS: usize = 1500;
/// The longest question a chair asks (`Wer dem Gesetzentwurf Drucksache 16/7147 in der Fassung
/// der Beschlussempfehlung … zustimmen möchte, den bitte ich um das Handzeichen.`), in characters.
const QUESTION_CHARS: usize = 300;
/// The longest answer to one question, in characters.
const ANSWER_CHARS: usize = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ask {
    Yes,
    No,
    Abstain,
    /// `Und die SPD?`: how the voters the question names voted, as the answer says; asked only
    /// inside a vote.
    FollowUp,
}

impl Ask {
    /// The position the question asks about (`None` for a follow-up, whose answer says it).
    fn position(self) -> Option<Position> {
        match self {
            Ask::Yes => Some(Position::Yes),
            Ask::No => Some(Position::No),
            Ask::Abstain => Some(Position::Abstain),
            Ask::FollowUp => None,
        }
    }
}

/// One move of a vote passage, by byte offsets into the region.
#[derive(Debug)]
enum Move {
    /// A question, the text it asks about, and its answer (`None`: the chair did not wait).
    Question {
        ask: Ask,
        start: usize,
        object: (usize, usize),
        answer: Option<(usize, usize)>,
    },
    /// A result sentence.
    Result { start: usize, end: usize },
}

impl Move {
    fn start(&self) -> usize {
        match self {
            Move::Question { start, .. } | Move::Result { start, .. } => *start,
        }
    }
}

/// Committee decisions in `text`: sentences that open with the committee or a paper's passive
/// verb (`decision-subject`), end or recommend as a decision does (`decision-…`) and name their
/// voters (`Der Ausschuss lehnt den Antrag mit den Stimmen von … ab.`, `Der Ausschuss empfiehlt
/// mit den Stimmen von …, den Gesetzentwurf anzunehmen.`, `Der Antrag wird einstimmig
/// abgelehnt.`), read with the interjections taken out (`Quiet`).
pub fn decisions(text: &str, fallback: Option<&PaperRef>, when: When) -> Vec<Read> {
    let quiet = Quiet::new(text);
    quiet.restore(decisions_quiet(&quiet.text, fallback, when))
}

fn decisions_quiet(text: &str, fallback: Option<&PaperRef>, when: When) -> Vec<Read> {
    let mut out = Vec::new();
    for (start, end) in sentence::split(text) {
        let lead = text[start..end].len() - text[start..end].trim_start().len();
        let s = text[start + lead..end].trim_end();
        let Some(result) = decided_result(s) else {
            continue;
        };
        let mut positions = Positions::default();
        clauses(s, result, when, &mut positions);
        // A committee decides on a Drucksache or on a Vorlage (`Der Ausschuss stimmt der Vorlage
        // 18/3001 zu.`).
        let subject = refs::papers(s)
            .into_iter()
            .map(|(_, r)| r)
            .find(|r| votable(r.kind))
            .or_else(|| fallback.cloned());
        let mut vote = empty_vote(subject);
        vote.result = Some(result);
        vote.result_stated = true;
        vote.positions = positions.list;
        vote.conflicts = positions.conflicts;
        let start = start + lead;
        out.push(Read {
            vote,
            start,
            end: start + s.len(),
        });
    }
    out
}

/// The positions the clauses of a recorded decision state (`mit den Stimmen der Fraktionen von
/// CDU und GRÜNEN gegen die Stimmen … bei Enthaltung …`, `mit den Stimmen aller Fraktionen`,
/// `einstimmig`), and those given a second time: the reader of Beschlussprotokolle
/// (`record.rs`) shares the result's grammar.
pub(crate) fn recorded_positions(clause: &str, result: VoteResult, when: When) -> [Ballots; 2] {
    let mut positions = Positions::default();
    clauses(clause, result, when, &mut positions);
    [positions.list, positions.conflicts]
}

/// Voters with their positions.
pub(crate) type Ballots = Vec<(Voter, Position)>;

/// Whether `s` names voters the way a result does (`mit den Stimmen`, `einstimmig`).
pub(crate) fn names_voters(s: &str) -> bool {
    CLAUSE.is_match(s) || RESULT_SPLIT.is_match(s) || words::says(s, "einstimmig")
}

/// The committees a result sends a paper to (`… an den Verkehrsausschuss - federführend -
/// sowie an den … überwiesen`): the lead and all, lead first.
pub(crate) fn referred_to(s: &str) -> (Option<String>, Vec<String>) {
    referred_in(s)
}

/// The result a committee's decision `sentence` states, if it is one.
fn decided_result(sentence: &str) -> Option<VoteResult> {
    static SUBJECT: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::DecisionSubject));
    static REJECTED: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::DecisionRejected));
    static ACCEPTED: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::DecisionAccepted));
    let names_voters = CLAUSE.is_match(sentence)
        || RESULT_SPLIT.is_match(sentence)
        || words::says(sentence, "einstimmig");
    if !SUBJECT.is_match(sentence) || !names_voters {
        return None;
    }
    if REJECTED.is_match(sentence) {
        Some(VoteResult::Rejected)
    } else {
        ACCEPTED.is_match(sentence).then_some(VoteResult::Accepted)
    }
}

/// A vote with nothing read yet but its subject.
pub fn empty_vote(subject: Option<PaperRef>) -> Vote {
    Vote {
        item: None,
        subject,
        also_on: Vec::new(),
        part: None,
        referral: false,
        referred_to: Vec::new(),
        lead: None,
        decides: None,
        recommends: None,
        following: None,
        subject_inferred: false,
        result: None,
        result_stated: false,
        positions: Vec::new(),
        positions_inferred: false,
        span: CharSpan::EMPTY,
        method: Default::default(),
        tally: None,
        members: Vec::new(),
        election: None,
        conflicts: Vec::new(),
    }
}

/// The positions a result sentence or committee decision states in its clauses (`mit den
/// Stimmen von A gegen die Stimmen von B bei Enthaltung von C`, `einstimmig`, `bei Zustimmung
/// der X haben sich alle anderen Fraktionen gegen den Antrag ausgesprochen`), added to
/// `positions` for voters not yet in them.
fn clauses(body: &str, result: VoteResult, when: When, positions: &mut Positions) {
    let (majority, minority) = match result {
        VoteResult::Accepted => (Position::Yes, Position::No),
        VoteResult::Rejected => (Position::No, Position::Yes),
    };
    let (body, stated) = predicates(body, when);
    let marks: Vec<(usize, usize, Option<Position>)> = CLAUSE
        .captures_iter(&body)
        .map(|k| {
            let m = k.get(0).unwrap();
            let position = CLAUSE_GROUPS
                .iter()
                .find(|(g, _)| k.name(g).is_some())
                .and_then(|(g, _)| match *g {
                    "majority" => Some(majority),
                    "minority" => Some(minority),
                    "none" => None,
                    g => Position::from_key(g),
                });
            (m.start(), m.end(), position)
        })
        .collect();
    let head = marks.first().map_or(body.len(), |m| m.0);
    // `alle Fraktionen` before the clauses, `einstimmig` anywhere: all the others with the
    // majority, once the clauses have named the exceptions (`bei Enthaltung der Piraten
    // einstimmig angenommen`).
    let all = named(&body[..head], when).all || named(&body, when).unanimous;
    // `ohne Gegenstimmen bei Enthaltung der AfD angenommen`: whoever did not abstain voted yes.
    let none_against = result == VoteResult::Accepted
        && marks
            .iter()
            .any(|(a, b, p)| p.is_none() && body[*a..*b].contains("Gegenstimm"));
    // `bei Zustimmung von drei Fraktionen im Hause und bei Stimmenthaltung der SPD`: the
    // others once every clause naming voters is read.
    let mut others = Vec::new();
    for (i, (_, end, position)) in marks.iter().enumerate() {
        let until = marks.get(i + 1).map_or(body.len(), |m| m.0);
        if let Some(p) = position {
            let who = named(&body[*end..until], when);
            // `mit den Stimmen des ganzen Hauses bei Enthaltung der AfD`: the house less those
            // the other clauses name.
            if who.others || who.all {
                others.push((who, *p));
            } else {
                add(positions, &who, *p, when);
            }
        }
    }
    for (who, p) in others {
        add(positions, &who, p, when);
    }
    // `bei Gegenstimmen der AfD und Enthaltung der FDP angenommen`: clauses naming only those
    // who did not make the result; the rest made it.
    let only_dissent = !marks.is_empty()
        && stated.is_empty()
        && marks
            .iter()
            .all(|(_, _, p)| p.is_some_and(|p| p != majority));
    for (who, p) in stated {
        add(positions, &who, p, when);
    }
    if all || none_against || only_dissent {
        add_all(positions, majority, when, &[]);
    }
}

/// `haben sich alle anderen Fraktionen gegen den Antrag ausgesprochen`, `die Piraten haben
/// dafür gestimmt`: voters and the verb phrase that says how they voted (`predicate-…`); or a
/// verb in the present tense after its voters (`FDP und AfD enthalten sich`, `stated-…`).
static PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?:haben|hat)\s+(?:sich\s+)?(?P<who>[^.;:?]*?)\s*(?:{})\b|(?:{})\b)",
        phrases::groups(&[
            ("no", Family::PredicateNo),
            ("yes", Family::PredicateYes),
            ("abstain", Family::PredicateAbstain)
        ]),
        phrases::groups(&[
            ("stated_no", Family::StatedNo),
            ("stated_yes", Family::StatedYes),
            ("stated_abstain", Family::StatedAbstain)
        ])
    ))
    .unwrap()
});

/// The voters `text` names with a verb phrase, and the text without those phrases: the voters
/// between auxiliary and verb (`haben sich alle anderen Fraktionen gegen … ausgesprochen`), else
/// those before the verb back to the clause's start (`die Piraten haben dafür gestimmt`, `die
/// SPD stimmt zu`).
fn predicates(text: &str, when: When) -> (String, Vec<(Named, Position)>) {
    let (text, mut out) = relatives(text, when);
    let text = text.as_str();
    let (mut rest, mut last) = (String::new(), 0);
    for c in PREDICATE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let position = [
            ("no", Position::No),
            ("yes", Position::Yes),
            ("abstain", Position::Abstain),
        ]
        .into_iter()
        .find(|(g, _)| {
            c.name(g)
                .or_else(|| c.name(&format!("stated_{g}")))
                .is_some()
        })
        .map_or(Position::Abstain, |(_, p)| p);
        let who = c.name("who").map_or("", |w| w.as_str());
        let (mut from, mut who) = (m.start(), named(who, when));
        if who.is_empty() {
            from = subject_start(text, last, m.start(), when);
            who = named(&text[from..m.start()], when);
        }
        rest.push_str(&text[last..from]);
        rest.push(' ');
        last = m.end();
        out.push((who, position));
    }
    rest.push_str(&text[last..]);
    (rest, out)
}

/// A relative clause saying how the voters just before its comma voted (`alle anderen
/// Fraktionen bis auf die AfD, die sich enthält`).
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),\s*(?:die|der|welche)\s+(?:(?P<abstain>sich\s+(?:der\s+Stimme\s+)?enth(?:ält|alten))|(?P<no>dagegen\s+(?:stimm(?:t|en)|ist|sind|votier(?:t|en)))|(?P<yes>(?:dafür\s+(?:stimm(?:t|en)|ist|sind|votier(?:t|en)))|(?:\S+\s+){0,2}zustimm(?:t|en)))\b").unwrap()
});
/// Where the antecedent of a relative clause begins: after an exception's word, a comma or a
/// dash.
static ANTECEDENT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:\b(?:{})\s+(?:von\s+)?|[,;:–])",
        super::voters::EXCEPTION
    ))
    .unwrap()
});

/// The voters relative clauses name with their positions, and the text without the clauses.
fn relatives(text: &str, when: When) -> (String, Vec<(Named, Position)>) {
    let (mut rest, mut last, mut out) = (String::new(), 0, Vec::new());
    for c in RELATIVE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let from = ANTECEDENT_START
            .find_iter(&text[last..m.start()])
            .last()
            .map_or(last, |a| last + a.end());
        let position = if c.name("abstain").is_some() {
            Position::Abstain
        } else if c.name("no").is_some() {
            Position::No
        } else {
            Position::Yes
        };
        out.push((named(&text[from..m.start()], when), position));
        rest.push_str(&text[last..m.start()]);
        rest.push(' ');
        last = m.end();
    }
    rest.push_str(&text[last..]);
    (rest, out)
}

/// Where the subject of a verb at `verb` begins, no earlier than `from`: after the last comma,
/// semicolon, colon or dash, or the earlier items of a list it ends (`die Fraktionen von SPD,
/// Grünen und Piraten lehnen den Antrag ab`).
fn subject_start(text: &str, from: usize, verb: usize, when: When) -> usize {
    let clause = |end: usize| {
        text[from..end]
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, ',' | ';' | ':' | '–'))
            .map_or(from, |(i, c)| from + i + c.len_utf8())
    };
    let mut start = clause(verb);
    while start > from
        && text[..start].ends_with(',')
        && (words::says(&text[start..verb], "und") || words::says(&text[start..verb], "sowie"))
    {
        let earlier = clause(start - 1);
        if named(&text[earlier..start - 1], when).voters.is_empty() {
            break;
        }
        start = earlier;
    }
    start
}

/// Who voted how, as a vote's phrases are read: the first position a voter is given, and any
/// other the text gives it after (a doubt the checks publish).
#[derive(Debug, Default)]
struct Positions {
    list: Vec<(Voter, Position)>,
    conflicts: Vec<(Voter, Position)>,
    /// The factions that moved the paper voted on: who `die antragstellende Fraktion` is.
    movers: Vec<Voter>,
}

impl Positions {
    /// A corrected list (`Also: Piraten, CDU-Fraktion und …`): `voters` are now the whole list
    /// of the position the correction says (`said`), else of the one they share most voters
    /// with (`asked`, the last question's, breaks a tie), and no other position's; what the
    /// list held before and the correction leaves out is dropped. Sharing none and saying none,
    /// they are added to `asked` as an answer would be.
    fn restate(&mut self, voters: &[Voter], said: Option<Position>, asked: Option<Position>) {
        let shared = |p: Position| {
            self.list
                .iter()
                .filter(|(v, q)| *q == p && voters.contains(v))
                .count()
        };
        let most = [Position::Yes, Position::No, Position::Abstain]
            .into_iter()
            .map(|p| (shared(p), Some(p) == asked, p))
            .filter(|(n, _, _)| *n > 0)
            .max_by_key(|(n, is_asked, _)| (*n, *is_asked));
        let Some(position) = said.or(most.map(|(_, _, p)| p)) else {
            for v in voters {
                if let (Some(p), false) = (asked, self.list.iter().any(|(w, _)| w == v)) {
                    self.list.push((v.clone(), p));
                }
            }
            return;
        };
        self.list
            .retain(|(v, p)| !voters.contains(v) && *p != position);
        self.conflicts.retain(|(v, _)| !voters.contains(v));
        self.list
            .extend(voters.iter().map(|v| (v.clone(), position)));
    }
}

/// Adds what a phrase names with `position`, keeping the first position a voter was given.
fn add(positions: &mut Positions, who: &Named, position: Position, when: When) {
    let movers = if who.movers {
        positions.movers.clone()
    } else {
        Vec::new()
    };
    for v in who.voters.iter().chain(&movers) {
        match positions.list.iter().find(|(w, _)| w == v) {
            None => positions.list.push((v.clone(), position)),
            Some((_, p)) if *p != position => positions.conflicts.push((v.clone(), position)),
            Some(_) => {}
        }
    }
    if who.all || (who.others && who.count.is_none()) {
        add_all(positions, position, when, &who.except);
    } else if let Some(n) = who.count {
        add_counted(positions, position, when, n);
    }
}

/// Elections in `text` as votes of their own kind: accepted, the person elected, the counts.
pub fn elections(text: &str) -> Vec<Read> {
    super::election::elections(text)
        .into_iter()
        .map(|e| {
            let mut vote = empty_vote(None);
            vote.method = VoteMethod::Election;
            vote.result = Some(VoteResult::Accepted);
            vote.result_stated = true;
            vote.tally = e.tally;
            vote.election = Some(e.election);
            Read {
                vote,
                start: e.start,
                end: e.end,
            }
        })
        .collect()
}

/// Every faction of the period not yet in `positions` and not in `except` votes `position`.
/// `drei Fraktionen im Hause`: the factions without a position, where there are `n` of them.
fn add_counted(positions: &mut Positions, position: Position, when: When, n: usize) {
    let Some(p) = when.wahlperiode else {
        return;
    };
    let left = lexicon::factions_in(p)
        .into_iter()
        .filter(|f| !positions.list.iter().any(|(w, _)| *w == Voter::Faction(*f)))
        .count();
    if left == n {
        add_all(positions, position, when, &[]);
    }
}

fn add_all(positions: &mut Positions, position: Position, when: When, except: &[Voter]) {
    let Some(p) = when.wahlperiode else {
        return;
    };
    for f in lexicon::factions_in(p) {
        let v = Voter::Faction(f);
        if !except.contains(&v) && !positions.list.iter().any(|(w, _)| *w == v) {
            positions.list.push((Voter::Faction(f), position));
        }
    }
}

/// Whether a paragraph is a chair's vote: a question answered after a dash (`? – Das sind …`,
/// `? – Wer stimmt dagegen?`) and a result announced (`Damit ist … angenommen.`). Members speak
/// of votes, but not in that form: the plenary reader keeps such a paragraph where plain text
/// read a column of the chair's into a member's speech.
pub(crate) fn is_chair_vote(paragraph: &str) -> bool {
    static ANSWERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\?\s*–\s").unwrap());
    let quiet = Quiet::new(paragraph);
    let paragraph = quiet.text.as_str();
    ANSWERED.is_match(paragraph)
        && QUESTION_START.is_match(paragraph)
        && sentence::split(paragraph)
            .iter()
            .any(|&(a, b)| is_result(&paragraph[a..b]))
}

/// `text` as a passage's grammar reads it: its interjections (`(Beifall von der SPD)`,
/// `(Zuruf von der AfD: …)`) taken out, each with the white space after it, as if the House had
/// been silent (an interjection between two sentences hid the second's start, one inside a
/// phrase stretched it past its window); other words in parentheses (`(Drucksache 18/1)`, `(Der
/// Namensaufruf erfolgt.)`) stay. A dash set otherwise than the Landtag's `–` (a hyphen between
/// spaces or at a line's start, `—`: other producers, text recognised from a scan) is `–`.
pub struct Quiet {
    pub text: String,
    /// Each run of kept bytes: where it starts in `text`, and in the original.
    runs: Vec<(usize, usize)>,
}

/// A dash set otherwise: `—`, or `-` between white spaces (a word's hyphen touches a letter).
static OTHER_DASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"—|(?m)(?:^|\s)(-)(?:\s|$)").unwrap());

impl Quiet {
    pub fn new(original: &str) -> Quiet {
        let mut edits = interjections(original);
        edits.extend(OTHER_DASH.captures_iter(original).map(|c| {
            let m = c.get(1).or_else(|| c.get(0)).expect("a match");
            (m.start(), m.end(), "–")
        }));
        edits.sort_by_key(|e| e.0);
        let mut q = Quiet {
            text: String::with_capacity(original.len() + 16),
            runs: vec![(0, 0)],
        };
        let mut kept = 0;
        for (start, end, with) in edits {
            if start < kept {
                continue;
            }
            q.text.push_str(&original[kept..start]);
            q.text.push_str(with);
            kept = end;
            q.runs.push((q.text.len(), kept));
        }
        q.text.push_str(&original[kept..]);
        q
    }

    /// Where a byte offset of the quiet text stands in the original.
    pub fn original(&self, at: usize) -> usize {
        let i = self.runs.partition_point(|(q, _)| *q <= at) - 1;
        let (q, o) = self.runs[i];
        o + (at - q)
    }

    /// Reads made of the quiet text, their offsets put back into the original.
    fn restore(&self, reads: Vec<Read>) -> Vec<Read> {
        reads
            .into_iter()
            .map(|r| Read {
                start: self.original(r.start),
                end: self.original(r.end),
                ..r
            })
            .collect()
    }
}

/// Each interjection of `text` with the white space after it: its byte range.
fn interjections(text: &str) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|o| from + o) {
        let Some(close) = closing(text, open) else {
            from = open + 1;
            continue;
        };
        from = close + 1;
        if super::interjection::opens_event(&text[open + 1..close]) {
            let rest = &text[from..];
            from += rest.len() - rest.trim_start().len();
            out.push((open, from, ""));
        }
    }
    out
}

/// The parenthesis closing the one at `open`, nested ones counted, within an interjection's
/// reach (600 characters).
fn closing(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in text[open..].char_indices().take(600) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Plenary votes in `text`: questions and results, grouped into votes, read with the
/// interjections taken out (`Quiet`).
pub fn plenary(text: &str, fallback: Option<&PaperRef>, when: When) -> Vec<Read> {
    let quiet = Quiet::new(text);
    quiet.restore(plenary_quiet(&quiet.text, fallback, when))
}

fn plenary_quiet(text: &str, fallback: Option<&PaperRef>, when: When) -> Vec<Read> {
    let moves = passage_moves(text);
    let mut p = Passage {
        text,
        fallback,
        when,
        open: None,
        joint: Vec::new(),
        out: Vec::new(),
    };
    let mut last_end = 0;
    for m in &moves {
        let from = last_end
            .min(m.start())
            .max(super::chars_before(text, m.start(), GAP_CHARS));
        let gap = &text[from..m.start()];
        last_end = move_end(m);
        match m {
            Move::Question { ask, .. } => p.question(m, *ask, REPEATED.is_match(gap)),
            Move::Result { start, end } => {
                if p.open.is_some() || VOTED_ON.is_match(&text[*start..*end]) {
                    p.result(m, gap);
                }
            }
        }
    }
    p.close(None);
    merge_repeated(p.out)
}

/// The votes of a passage as its moves come in.
struct Passage<'t, 'm> {
    text: &'t str,
    fallback: Option<&'t PaperRef>,
    when: When,
    /// The vote being asked.
    open: Option<Vec<&'m Move>>,
    /// Votes asked only `Wer stimmt … zu?` before the next paper's question: a joint vote
    /// (`verbundene Abstimmung`) whose other questions and result the last one shares.
    joint: Vec<Vec<&'m Move>>,
    out: Vec<Read>,
}

impl<'t, 'm> Passage<'t, 'm> {
    fn question(&mut self, m: &'m Move, ask: Ask, repeated: bool) {
        let Some(v) = self.open.as_mut() else {
            if ask != Ask::FollowUp {
                self.open = Some(vec![m]);
            }
            return;
        };
        if ask == Ask::FollowUp {
            v.push(m);
        } else if repeated {
            // `Ich frage noch einmal`: the earlier round counts for nothing.
            let first = v[0];
            v.clear();
            v.push(first);
            if first.start() != m.start() {
                v.push(m);
            }
        } else if ask == Ask::Yes && asked(v, Ask::Yes) {
            let only_yes = v
                .iter()
                .all(|q| matches!(q, Move::Question { ask: Ask::Yes, .. }));
            let v = self.open.take().unwrap_or_default();
            if only_yes {
                self.joint.push(v);
            } else {
                self.close(Some(v));
            }
            self.open = Some(vec![m]);
        } else if ask != Ask::Yes && asked(v, ask) {
            let v = self.open.take();
            self.close(v);
            self.open = Some(vec![m]);
        } else {
            v.push(m);
        }
    }

    fn result(&mut self, m: &'m Move, gap: &str) {
        let mut v = self.open.take().unwrap_or_default();
        let asked = !v.is_empty();
        v.push(m);
        // The joint votes share this vote's questions against and abstaining, and its result.
        let shared: Vec<&Move> = v
            .iter()
            .copied()
            .filter(|q| !matches!(q, Move::Question { ask: Ask::Yes, .. }))
            .collect();
        for j in std::mem::take(&mut self.joint) {
            let all: Vec<&Move> = j.into_iter().chain(shared.iter().copied()).collect();
            self.out
                .push(build(self.text, &all, self.fallback, self.when));
        }
        let mut read = build(self.text, &v, self.fallback, self.when);
        // A result with no question before it: a roll call, where totals precede it (or the
        // result sentence holds them: `mit 118 Jastimmen gegen 99 Neinstimmen angenommen`).
        if !asked {
            roll_call(gap, &self.text[m.start()..move_end(m)], &mut read.vote);
        }
        self.out.push(read);
    }

    /// Builds `v` (and any joint votes before it) without a result of their own.
    fn close(&mut self, v: Option<Vec<&'m Move>>) {
        let v = v.or_else(|| self.open.take());
        for j in std::mem::take(&mut self.joint).into_iter().chain(v) {
            self.out
                .push(build(self.text, &j, self.fallback, self.when));
        }
    }
}

/// A roll call's announced totals before its result, or in it: the vote was taken by roll
/// call; so it was where the text before names one (`Ergebnis der namentlichen Abstimmung`).
fn roll_call(before: &str, result: &str, vote: &mut Vote) {
    if let Some(t) = tally::announced(before).or_else(|| tally::announced(result)) {
        vote.method = VoteMethod::RollCall;
        vote.tally = Some(t);
    } else if ROLL_CALL.is_match(before) {
        vote.method = VoteMethod::RollCall;
    }
}

/// Words that name a roll call (`eine namentliche Abstimmung beantragt`, `namentliche
/// Schlussabstimmung`, `Wir stimmen namentlich ab`, `Namensaufruf`).
pub(crate) static ROLL_CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\bnamentliche[nr]?\s+(?:Schluss)?[Aa]bstimmung\b|\bnamentlich\s+ab\b|\bNamensaufruf",
    )
    .unwrap()
});

fn asked(v: &[&Move], ask: Ask) -> bool {
    v.iter()
        .any(|m| matches!(m, Move::Question { ask: a, .. } if *a == ask))
}

fn move_end(m: &Move) -> usize {
    match m {
        Move::Question { answer, object, .. } => answer.map_or(object.1, |a| a.1),
        Move::Result { end, .. } => *end,
    }
}

/// A vote asked again (`Ich frage noch einmal`): the first attempt, left without a result, is
/// part of the repeated one.
fn merge_repeated(reads: Vec<Read>) -> Vec<Read> {
    let mut out: Vec<Read> = Vec::new();
    for read in reads {
        match out.last() {
            Some(prev) if prev.vote.result.is_none() && prev.vote.subject == read.vote.subject => {
                let start = prev.start;
                out.pop();
                out.push(Read { start, ..read });
            }
            _ => out.push(read),
        }
    }
    out
}

/// The questions and result sentences of `text`, in order.
fn passage_moves(text: &str) -> Vec<Move> {
    let mut moves: Vec<Move> = Vec::new();
    let mut from = 0;
    while let Some(m) = QUESTION_START.find_at(text, from) {
        from = m.end();
        if let Some(q) = question(text, m.start()) {
            from = move_end(&q).max(from);
            moves.push(q);
        }
    }
    for (start, end) in sentence::split(text) {
        // `– Dann ist …`: the sentence proper starts after an answer's dash.
        let start = start + text[start..end].find(char::is_alphanumeric).unwrap_or(0);
        let s = &text[start..end];
        let inside_question = moves.iter().any(|q| match q {
            Move::Question { start: qs, .. } => *qs <= start && start < move_end(q),
            Move::Result { .. } => false,
        });
        let after_answer = moves.iter().any(|q| {
            matches!(q, Move::Question { .. })
                && move_end(q) <= start
                && text[move_end(q)..start].chars().count() <= BARE_RESULT_CHARS
        });
        if !inside_question && (is_result(s) || (after_answer && is_bare_result(s))) {
            moves.push(Move::Result { start, end });
        }
    }
    moves.sort_by_key(Move::start);
    moves
}

/// A sentence that states a result: a result verb in the present perfect (`ist … angenommen
/// (worden)`, `schließt sich … an`; `wurde damals … angenommen` tells of the past), and a word
/// that marks it as the outcome (`Damit`, `mit den Stimmen`, `einstimmig`, `mit Mehrheit`).
pub(crate) fn is_result(s: &str) -> bool {
    RESULT_VERB.is_match(s)
        && RESULT_MARK.is_match(s)
        && (PRESENT.is_match(s) || words::says(s, "schließt sich"))
        && !s.trim_end().ends_with('?')
        && !ELSEWHERE.is_match(s)
}

/// A result another body took (`im Ausschuss … abgelehnt worden`): told, not voted here.
static ELSEWHERE: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::ResultElsewhere));

/// How far after a question's answer a result sentence with no word marking it may begin, in
/// characters (`Enthaltungen? – Das Erste war die Mehrheit. Der Antrag ist angenommen.`).
const BARE_RESULT_CHARS: usize = 120;

/// A short sentence that states a result without a word marking it as the outcome (`Der Antrag
/// ist angenommen.`, the older periods' way after `Das Erste war die Mehrheit`): read as one
/// only right after an answer. A result verb in the present perfect and what was voted on, a
/// result in a word or two (`Auch beschlossen.`, `result-elliptic`), or one told in the perfect
/// with its voters (`result-narrated`).
fn is_bare_result(s: &str) -> bool {
    if ELLIPTIC.is_match(s) || NARRATED.is_match(s) {
        return true;
    }
    RESULT_VERB.is_match(s)
        && PRESENT.is_match(s)
        && VOTED_ON.is_match(s)
        && s.split_whitespace().count() <= 12
        && !s.trim_end().ends_with('?')
}

static PRESENT: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::ResultTense));
/// A result in a word or two (`Auch beschlossen.`): it ends the answer it follows.
static ELLIPTIC: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::ResultElliptic));
/// A result the chair tells in the perfect, who made it before the verb (`Die übrigen … haben
/// … den Antrag in den Ausschuss … überwiesen.`): it too ends the answer it follows.
static NARRATED: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::ResultNarrated));
/// What a chair announces a result about; a result with no question before it must name one.
static VOTED_ON: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::VotedOn));

/// A question at `start` with the answer after it, if it asks who votes how.
fn question(text: &str, start: usize) -> Option<Move> {
    let window = &text[start..super::chars_after(text, start, QUESTION_CHARS)];
    // A question ends at `?`, `!` or a full stop (`…, den bitte ich um das Handzeichen.`); at a
    // dash only where none follows (`Drucksache 17/19 – Neudruck – zu?` is one question).
    let dash = window
        .char_indices()
        .find(|(i, c)| (*c == '–' || *c == '-') && window[..*i].ends_with(char::is_whitespace))
        .map(|(i, _)| i);
    let stop = window
        .char_indices()
        .find(|(i, c)| {
            matches!(c, '?' | '!') || (*c == '.' && sentence::end_after(window, *i) == i + 1)
        })
        .map(|(i, _)| i)
        .or(dash)?;
    // `Enthaltungen – sehe ich auch nicht.`: a question of a word or two, answered at its dash.
    let stop = match dash {
        Some(d) if d < stop && window[..d].split_whitespace().count() <= 2 => d,
        _ => stop,
    };
    let clause = window[..stop].trim_end();
    // `Jastimmen 124, Neinstimmen 100, Enthaltungen keine.`: totals told, nothing asked.
    if tally::states_a_count(clause) {
        return None;
    }
    let ask = if ASK_ABSTAIN.is_match(clause) {
        Ask::Abstain
    } else if ASK_NO.is_match(clause) {
        Ask::No
    } else if ASK_YES.is_match(clause) {
        Ask::Yes
    } else if ASK_FOLLOW_UP.is_match(clause) && window[stop..].starts_with('?') {
        Ask::FollowUp
    } else {
        return None;
    };
    let after_q = start
        + stop
        + if window[stop..].starts_with(['?', '!', '.']) {
            1
        } else {
            0
        };
    Some(Move::Question {
        ask,
        start,
        object: (start, after_q),
        answer: answer(text, after_q),
    })
}

/// The answer after a question: from its dash (past interjections in parentheses) to the end
/// of its sentence, the next question or a result; `None` where no dash follows (the chair
/// asked on without waiting, which says nothing).
fn answer(text: &str, from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        if trimmed.starts_with('(') {
            at += trimmed.find(')').map_or(trimmed.len(), |i| i + 1);
            continue;
        }
        // `Wer möchte sich für diesen Antrag aussprechen? Den bitte ich um das Handzeichen. –`
        let next = sentence::end_after(trimmed, 0);
        if !trimmed.starts_with(['–', '-']) && trimmed[..next].contains("Handzeichen") {
            at += next;
            continue;
        }
        break;
    }
    let rest = &text[at..];
    let dash = rest.chars().next().filter(|c| *c == '–' || *c == '-')?;
    let begin = at + dash.len_utf8();
    let limit = super::chars_after(text, begin, ANSWER_CHARS);
    let mut end = begin;
    loop {
        let next = sentence::end_after(&text[..limit], end);
        let next_q = QUESTION_START
            .find_at(&text[..limit], end)
            .map_or(limit, |m| m.start());
        if next_q < next {
            end = next_q;
            break;
        }
        end = next;
        // `– und Teile der FDP-Fraktion? – Alle von der FDP!`: an aside asked inside the answer.
        let continues = text[..end].ends_with('?')
            && text[end..].trim_start().starts_with(['–', '-'])
            && QUESTION_START
                .find(
                    text[end..]
                        .trim_start()
                        .trim_start_matches(['–', '-'])
                        .trim_start(),
                )
                .is_none_or(|m| m.start() > 0);
        if end >= limit {
            break;
        }
        match addition(&text[end..limit]) {
            Some(dash) => end += dash,
            None if continues => {}
            None => break,
        }
    }
    let result_at = sentence::split(&text[begin..end])
        .into_iter()
        .find(|(a, b)| {
            let s = &text[begin + a..begin + b];
            is_result(s) || ELLIPTIC.is_match(s)
        })
        .map(|(a, _)| begin + a);
    Some((begin, result_at.unwrap_or(end)))
}

static ADDITION: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::AnswerAddition));

/// Where `rest`, what follows a sentence of an answer, goes on with it: past interjections in
/// parentheses, the dash of a sentence that adds voters (`– Das ist die FDP. (Zuruf von der
/// SPD: Wir auch!) – Und die SPD-Fraktion.`).
fn addition(rest: &str) -> Option<usize> {
    let mut at = rest.len() - rest.trim_start().len();
    while rest[at..].starts_with('(') {
        at += rest[at..].find(')')? + 1;
        at += rest[at..].len() - rest[at..].trim_start().len();
    }
    let after = rest[at..].strip_prefix(['–', '-'])?.trim_start();
    let adds = ADDITION.is_match(after) && QUESTION_START.find(after).is_none_or(|m| m.start() > 0);
    adds.then_some(at)
}

/// What the answers of one vote said, as they are read.
#[derive(Default)]
struct Answers {
    positions: Positions,
    none_against: bool,
    none_abstaining: bool,
    any: bool,
    /// `Das ist ein einstimmiges Ergebnis.`: said of the whole vote.
    unanimous: bool,
    /// Positions of `alle anderen Fraktionen`, given once every other voter is known.
    others: Vec<(Position, Option<usize>, Vec<Voter>)>,
    /// `Sind Sie damit einverstanden? – Das ist der Fall.`: all consent.
    consent: bool,
}

static RESULT_SPLIT: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::ResultSplit));

static CONSENT: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::AnswerConsent));

/// `… bei Enthaltung der FDP`, `bei Gegenstimmen aus der AfD` inside an answer: the clauses
/// of a result that open with `bei`, or join one (`… und Enthaltung der Piraten`).
static ANSWER_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    let opens = |p: &phrases::Phrase| {
        ["bei", "(?:und|sowie)"]
            .iter()
            .any(|w| p.pattern.starts_with(w))
    };
    let clauses = |f: Family| phrases::alternation_of(f, opens);
    Regex::new(&format!(
        r"(?i)\b(?:(?P<yes>{})|(?P<no>{})|(?P<abstain>{}))\b",
        clauses(Family::ClauseYes),
        clauses(Family::ClauseNo),
        clauses(Family::ClauseAbstain)
    ))
    .unwrap()
});

impl Answers {
    /// The answer `text` to a question asking `ask`.
    fn read(&mut self, text: &str, ask: Ask, when: When) {
        let Some(position) = ask.position() else {
            return;
        };
        self.consent |= ask == Ask::Yes && CONSENT.is_match(text);
        let (text, stated) = predicates(text, when);
        let cut = ANSWER_CLAUSE.find(&text).map_or(text.len(), |m| m.start());
        let mut who = named(&text[..cut], when);
        self.any |= !who.is_empty() || !stated.is_empty();
        self.unanimous |= who.unanimous;
        match ask {
            Ask::No => self.none_against |= who.nobody,
            Ask::Abstain => self.none_abstaining |= who.nobody,
            Ask::Yes | Ask::FollowUp => {}
        }
        if std::mem::take(&mut who.others) {
            let except = std::mem::take(&mut who.except);
            self.others.push((position, who.count.take(), except));
        }
        add(&mut self.positions, &who, position, when);
        for c in ANSWER_CLAUSE.captures_iter(&text[cut..]) {
            let m = c.get(0).unwrap();
            let rest = &text[cut + m.end()..];
            let until = ANSWER_CLAUSE.find(rest).map_or(rest.len(), |m| m.start());
            let p = group_position(&c).unwrap_or(Position::Yes);
            add(&mut self.positions, &named(&rest[..until], when), p, when);
        }
        for (mut who, p) in stated {
            if std::mem::take(&mut who.others) {
                let except = std::mem::take(&mut who.except);
                self.others.push((p, who.count.take(), except));
            }
            add(&mut self.positions, &who, p, when);
        }
    }

    /// The answer `text` to a follow-up `question` (`Und die SPD? – Die SPD enthält sich.`,
    /// `– Enthält sich auch.`, `– Dagegen.`): the voters the answer's verbs name (the
    /// question's where a verb has no subject of its own), else the question's with the
    /// position the answer's one word says.
    fn follow_up(&mut self, question: &str, text: &str, when: When) {
        let asked = named(question, when);
        let (rest, stated) = predicates(text, when);
        if stated.is_empty() {
            let word = [
                (&ASK_ABSTAIN, Position::Abstain),
                (&ASK_NO, Position::No),
                (&ASK_YES, Position::Yes),
            ]
            .into_iter()
            .find(|(re, _)| re.is_match(&rest));
            if let Some((_, p)) = word {
                self.any |= !asked.is_empty();
                add(&mut self.positions, &asked, p, when);
            }
        }
        for (who, p) in stated {
            let who = if who.is_empty() { &asked } else { &who };
            self.any |= !who.is_empty();
            add(&mut self.positions, who, p, when);
        }
    }
}

/// What a vote's moves say: the answers to its questions, the first question's object, the
/// result sentence.
fn gather<'t>(
    text: &'t str,
    moves: &[&Move],
    when: When,
) -> (Answers, Option<&'t str>, Option<&'t str>) {
    let mut answers = Answers::default();
    answers.positions.movers = movers(&text[..moves[0].start()], when);
    let mut object = None;
    let mut result_sentence = None;
    for m in moves {
        match m {
            Move::Question {
                ask,
                object: o,
                answer,
                ..
            } => {
                object.get_or_insert(&text[o.0..o.1]);
                if let (Some((a, b)), Ask::FollowUp) = (answer, ask) {
                    answers.follow_up(&text[o.0..o.1], &text[*a..*b], when);
                } else if let Some((a, b)) = answer {
                    answers.read(&text[*a..*b], *ask, when);
                    // `Darf ich davon ausgehen, dass niemand dagegen ist? – Das ist der Fall.`
                    if PRESUME_NONE.is_match(&text[o.0..o.1]) && CONSENT.is_match(&text[*a..*b]) {
                        answers.none_against |= *ask == Ask::No;
                        answers.none_abstaining |= *ask == Ask::Abstain;
                    }
                    // `Gibt es Gegenstimmen oder Enthaltungen? – Das ist nicht der Fall.`
                    let both = *ask == Ask::Abstain && ASK_NO.is_match(&text[o.0..o.1]);
                    if both && answers.none_abstaining {
                        answers.none_against = true;
                    }
                }
            }
            Move::Result { start, end } => result_sentence = Some(&text[*start..*end]),
        }
    }
    for pair in moves.windows(2) {
        let gap = &text[move_end(pair[0]).min(pair[1].start())..pair[1].start()];
        let asked = match pair[0] {
            Move::Question { ask, .. } => (*ask).position(),
            Move::Result { .. } => None,
        };
        told(gap, asked, when, &mut answers);
    }
    (answers, object, result_sentence)
}

/// `Die Enthaltungen sind demzufolge bei der FDP.`: who voted so, as the chair tells it between
/// a vote's questions (`told-…`).
static TOLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "(?i){}",
        phrases::groups(&[
            ("yes", Family::ToldYes),
            ("no", Family::ToldNo),
            ("abstain", Family::ToldAbstain)
        ])
    ))
    .unwrap()
});

/// The position a match's named group says (`yes`, `no`, `abstain`: the groups of
/// `phrases::groups`).
fn group_position(c: &regex::Captures) -> Option<Position> {
    ["yes", "no", "abstain"]
        .into_iter()
        .find(|g| c.name(g).is_some())
        .and_then(Position::from_key)
}

/// `Also: Piraten, CDU-Fraktion und …`: a chair's correction of a list said before.
static RESTATED: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::Restated));

/// The positions the sentences of `gap` tell (`told-…`), and the lists they correct
/// (`restated`; `asked` is the position the question before the gap asked).
fn told(gap: &str, asked: Option<Position>, when: When, answers: &mut Answers) {
    for (a, b) in sentence::split(gap) {
        let s = gap[a..b].trim_start_matches(|c: char| !c.is_alphanumeric());
        if let Some(m) = RESTATED.find(s) {
            restated(s[m.end()..].trim_start(), asked, when, answers);
            continue;
        }
        let Some(c) = TOLD.captures(s) else {
            // `Wer enthält sich? Die CDU-Fraktion und die FDP-Fraktion enthalten sich.`: an
            // answer printed without its dash, its verb saying the position.
            for (who, p) in predicates(s, when).1 {
                answers.any |= !who.is_empty();
                add(&mut answers.positions, &who, p, when);
            }
            continue;
        };
        let position = group_position(&c).unwrap_or(Position::Abstain);
        let who = named(&s[c.get(0).unwrap().end()..], when);
        answers.any |= !who.is_empty();
        add(&mut answers.positions, &who, position, when);
    }
}

/// What a correction after its colon says: a position told (`Dagegen haben AfD und FDP
/// gestimmt.`) or stated (`die SPD enthält sich`), else a list of voters alone.
fn restated(s: &str, asked: Option<Position>, when: When, answers: &mut Answers) {
    let mut said = Vec::new();
    let rest = match TOLD.captures(s) {
        Some(c) => {
            let who = named(&s[c.get(0).unwrap().end()..], when);
            said.push((who, group_position(&c)));
            String::new()
        }
        None => {
            let (rest, stated) = predicates(s, when);
            said.extend(stated.into_iter().map(|(w, p)| (w, Some(p))));
            rest
        }
    };
    said.push((named(&rest, when), None));
    for (who, p) in said {
        answers.any |= !who.is_empty();
        answers.positions.restate(&who.voters, p, asked);
    }
}

/// A part of a paper voted on apart (`über Ziffer II Nr. 1`, `Damit ist Ziffer 3 angenommen`,
/// `die Empfehlung in Nr. 2 der Drucksache 17/2931`); not a rule's paragraph (`§ 82 Abs. 2 Nr.
/// 1 GO`).
static PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^.§\w]\s*)\b(?P<part>(?:Ziffer|Ziff\.|Nummer|Nr\.|Abschnitt|Teil)\s+[IVXL\d]+[a-z]?(?:\s*(?:,\s*|und\s+)?(?:Nr\.|Nummer|Ziffer|Buchstabe|Satz|Spiegelstrich)\s*[\w\d]+\b)*)(?P<after>[^.?!]{0,30})").unwrap()
});

/// What follows a rule's paragraph rather than a paper's part.
const RULE_AFTER: [&str; 9] = [
    "GO",
    "LV",
    "LHO",
    "Abs.",
    "Absatz",
    "der Geschäftsordnung",
    "der Landesverfassung",
    "der Verfassung",
    "des Gesetzes",
];

/// The part a vote is on: as its result, its question or the sentence announcing it names it.
fn part(lead: &str, object: Option<&str>, result: Option<&str>) -> Option<String> {
    let announced = sentence::split(lead)
        .into_iter()
        .map(|(a, b)| &lead[a..b])
        .rfind(|s| s.contains("abstimm") || s.contains("Abstimmung"));
    [result, object, announced]
        .into_iter()
        .flatten()
        .find_map(|s| {
            PART.captures_iter(s)
                .filter(|c| {
                    let after = c["after"].trim_start();
                    !RULE_AFTER.iter().any(|w| after.starts_with(w))
                })
                .map(|c| words::collapse(&c["part"]))
                .next()
        })
}

/// `den Antrag der Fraktion der FDP Drucksache 16/6012`, `Gesetzentwurf der Fraktionen von
/// CDU und FDP`: who moved a paper, as the sentence before a vote names it.
static MOVED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[Aa]ntrag|Gesetzentwurf)(?:e?s)?\s+(?P<who>der\s[^.?!–]{1,160}?)\s+Drucksache\b",
    )
    .unwrap()
});

/// The factions that moved the paper last named before a vote (within a question's reach).
fn movers(before: &str, when: When) -> Vec<Voter> {
    let from = super::chars_before(before, before.len(), GAP_CHARS);
    MOVED_BY
        .captures_iter(&before[from..])
        .last()
        .map(|c| named(&c["who"], when).voters)
        .unwrap_or_default()
        .into_iter()
        .filter(|v| matches!(v, Voter::Faction(_)))
        .collect()
}

/// `Wer stimmt zu? – Wer stimmt dagegen? – Die Linke. Wer enthält sich? – Niemand. Damit ist
/// … angenommen.`: the question for yes went unanswered, those against and abstaining were
/// named (or nobody), none is yes yet: the rest made the result (an inference, flagged so).
fn rest_made_it(text: &str, moves: &[&Move], list: &[(Voter, Position)]) -> bool {
    let said = |answer: &Option<(usize, usize)>| {
        answer.is_some_and(|(a, b)| text[a..b].chars().any(char::is_alphanumeric))
    };
    let asked = |ask: Ask, answered: bool| {
        moves.iter().any(|m| {
            matches!(m, Move::Question { ask: a, answer, .. } if *a == ask && said(answer) == answered)
        })
    };
    asked(Ask::Yes, false)
        && asked(Ask::No, true)
        && asked(Ask::Abstain, true)
        && !list.is_empty()
        && list.iter().all(|(_, p)| *p != Position::Yes)
}

/// One vote from its moves.
fn build(text: &str, moves: &[&Move], fallback: Option<&PaperRef>, when: When) -> Read {
    let end = moves.iter().map(|m| move_end(m)).max().unwrap_or(0);
    let (mut answers, object, result_sentence) = gather(text, moves, when);
    let (start, told) = match moves {
        [Move::Result { start, .. }] => account(text, *start, when),
        _ => (moves[0].start(), Vec::new()),
    };
    for (who, p) in told {
        answers.any = true;
        add(&mut answers.positions, &who, p, when);
    }
    let stated = result_sentence.and_then(said_result);
    let Answers {
        mut positions,
        none_against,
        none_abstaining,
        any,
        unanimous,
        others,
        consent,
    } = answers;
    if let (Some(s), Some(r)) = (result_sentence, stated) {
        clauses(s, r, when, &mut positions);
    }
    for (position, count, except) in others {
        match count {
            Some(n) => add_counted(&mut positions, position, when, n),
            // `alle anderen Fraktionen bis auf die AfD`: not the AfD.
            None => add_all(&mut positions, position, when, &except),
        }
    }
    let result =
        stated.or_else(|| unsaid_result(&positions.list, consent, none_against, none_abstaining));
    // Asked only who is against and who abstains, nobody was, and it passed: all voted yes,
    // unless the result says a majority made it (`mit großer Mehrheit angenommen`).
    let split = result_sentence.is_some_and(|s| RESULT_SPLIT.is_match(s));
    let silent = !any && !split && positions.list.is_empty() && none_against && none_abstaining;
    let positions_inferred = result == Some(VoteResult::Accepted)
        && (silent || rest_made_it(text, moves, &positions.list));
    if positions_inferred {
        add_all(&mut positions, Position::Yes, when, &[]);
    }
    // `Das ist ein einstimmiges Ergebnis.`, said after any question: all voted with the result.
    if unanimous || consent {
        let p = match result {
            Some(VoteResult::Rejected) => Position::No,
            _ => Position::Yes,
        };
        add_all(&mut positions, p, when, &[]);
    }
    // An amendment announced is voted on, not the item's paper, with or without a number.
    let lead = lead(text, start);
    // A motion on the procedure (`Antrag auf Absetzung`) is voted on, not the item's paper.
    let amendment = announced_amendment(lead).or_else(|| motion(lead, object).then_some(None));
    let named = subject(text, start, (object, result_sentence), amendment, fallback);
    let unnumbered = amendment.is_some_and(|a| a.is_none());
    // Named nowhere before the vote in its item: the item's paper, a guess the checks doubt.
    let subject_inferred = named.is_none() && fallback.is_some() && !unnumbered;
    let mut vote = empty_vote(named.or_else(|| fallback.filter(|_| !unnumbered).cloned()));
    if let Some(s) = named {
        vote.also_on = also_on(text, start, object, &s);
    }
    vote.subject_inferred = subject_inferred;
    vote.result = result;
    vote.result_stated = stated.is_some();
    vote.positions = positions.list;
    vote.conflicts = positions.conflicts;
    vote.positions_inferred = positions_inferred;
    if asked_on_recommendation(object, result_sentence, &text[..start]) {
        vote.decides = decided(&text[..start], result_sentence);
        vote.recommends = recommends(&text[..start]);
    }
    vote.part = part(lead, object, result_sentence);
    let asked_about = format!("{} {}", object.unwrap_or(""), result_sentence.unwrap_or(""));
    referral(text, start, &asked_about, &mut vote);
    Read { vote, start, end }
}

/// How far before a result asked no question a chair's account of the positions may begin, in
/// characters (two or three sentences).
const ACCOUNT_CHARS: usize = 400;

/// A chair's account of how the voters voted in the sentences right before a result that no
/// question came before (`Die Fraktionen von CDU und Grünen stimmen zu, die SPD stimmt dagegen.
/// Damit ist der Antrag angenommen.`): where it begins (`start` where there is none) and what
/// its verbs say. Each sentence must name voters with a verb; no question, no paragraph break.
fn account(text: &str, start: usize, when: When) -> (usize, Vec<(Named, Position)>) {
    let from = super::chars_before(text, start, ACCOUNT_CHARS);
    let before = &text[from..start];
    let (mut begin, mut told) = (start, Vec::new());
    for (a, b) in sentence::split(before).into_iter().rev() {
        let s = &before[a..b];
        if s.contains('?') || s.contains("\n\n") || before[b..].contains("\n\n") {
            break;
        }
        let (_, stated) = predicates(s, when);
        if stated.is_empty() || stated.iter().any(|(who, _)| who.is_empty()) {
            break;
        }
        begin = from + a;
        told.extend(stated);
    }
    (begin, told)
}

/// The result a result sentence says by its verb.
fn said_result(sentence: &str) -> Option<VoteResult> {
    let c = RESULT_VERB.captures(sentence)?;
    Some(if c.name("rejected").is_some() {
        VoteResult::Rejected
    } else {
        VoteResult::Accepted
    })
}

/// No result said: accepted where all consented, or nobody was against and someone for (or
/// nobody abstained either: `Ist jemand dagegen? – Sich enthalten? – Beides ist nicht der
/// Fall.`).
fn unsaid_result(
    positions: &[(Voter, Position)],
    consent: bool,
    none_against: bool,
    none_abstaining: bool,
) -> Option<VoteResult> {
    let some_yes = positions.iter().any(|(_, p)| *p == Position::Yes);
    let only_yes = positions.iter().all(|(_, p)| *p == Position::Yes);
    (consent || none_against && (some_yes || none_abstaining && only_yes))
        .then_some(VoteResult::Accepted)
}

/// The text that leads to a vote beginning at `start`: after the last result before it.
fn lead(text: &str, start: usize) -> &str {
    let from = super::chars_before(text, start, GAP_CHARS);
    let before = &text[from..start];
    let after_result = sentence::split(before)
        .into_iter()
        .rev()
        .find(|(a, b)| is_result(&before[*a..*b]))
        .map_or(0, |(_, b)| b);
    &before[after_result..]
}

/// `Ich lasse abstimmen über den Änderungsantrag der Fraktion der AfD zu § 2 …`, `Ich komme zum
/// nächsten Änderungsantrag …`: the vote announced on an amendment, with no number after it.
static ANNOUNCED_AMENDMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:[Aa]bstimm\w*|\bstimmen|\bkomme\w*)\b[^.?!]{{0,40}}?\b(?:über|zu[mr]?)\s+(?:(?:den|dem|die|das|des)\s+)?(?:\w+\s+)?(?:{})",
        phrases::alternation(Family::Amendment)
    ))
    .unwrap()
});

/// `Wir stimmen also über die Beschlussempfehlung ab.`, `Wir kommen zur Abstimmung über den
/// Gesetzentwurf …`: what a vote is announced on, by its kind (`kind`).
static ANNOUNCED_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:[Aa]bstimm\w*|\bstimmen|\bkomme\w*)\b[^.?!]{{0,40}}?\b(?:über|zu[mr]?)\s+(?:(?:den|dem|die|das|des|diese[nmr]?)\s+)?(?:\w+\s+)?(?P<kind>Beschlu(?:ss|ß)empfehlung|{}|{})",
        phrases::alternation(Family::Amendment),
        phrases::alternation(Family::PaperKind)
    ))
    .unwrap()
});

/// Whether the last announcement before a vote whose question names no paper's kind puts the
/// recommendation to the vote (`Der Ausschuss empfiehlt …, den Gesetzentwurf anzunehmen. Wir
/// stimmen also über die Beschlussempfehlung ab. Wer stimmt zu?`).
fn announced_on_recommendation(object: Option<&str>, before: &str) -> bool {
    if object.is_some_and(|o| PAPER_KIND_WORD.is_match(o) || o.contains("mpfehlung")) {
        return false;
    }
    let lead = lead(before, before.len());
    ANNOUNCED_OBJECT
        .captures_iter(lead)
        .last()
        .is_some_and(|c| c["kind"].starts_with("Beschlu"))
}

/// The amendment the last vote `lead` announces is on: its number (the first paper named
/// after it), or `Some(None)` where none is given.
fn announced_amendment(lead: &str) -> Option<Option<PaperRef>> {
    let m = ANNOUNCED_AMENDMENT.find_iter(lead).last()?;
    Some(
        refs::papers(&lead[m.end()..])
            .into_iter()
            .map(|(_, p)| p)
            .next(),
    )
}

static MOTION: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::Motion));

/// Whether the question or the last two sentences before it name a motion on the sitting's
/// procedure (`Wer ist für den Schluss der Aussprache?`, `… hat beantragt, den
/// Tagesordnungspunkt 5 abzusetzen.`) with no paper named after it (`Damit sind wir am Schluss
/// der Aussprache und kommen zur Abstimmung über den Antrag Drucksache 16/6008` is no motion).
fn motion(lead: &str, object: Option<&str>) -> bool {
    let named_after = |s: &str| {
        MOTION.find_iter(s).last().is_some_and(|m| {
            !refs::papers(&s[m.end()..])
                .iter()
                .any(|(_, p)| votable(p.kind))
        })
    };
    let from = sentence::split(lead)
        .into_iter()
        .rev()
        .nth(1)
        .or_else(|| sentence::split(lead).into_iter().next())
        .map_or(lead.len(), |(a, _)| a);
    object.is_some_and(named_after) || named_after(&lead[from..])
}

/// The paper voted on: named in the question, else in the result, else (for a committee's
/// recommendation) the Drucksache that holds it, else the `amendment` announced before the
/// vote (none where it has no number), else the last one named before the vote.
fn subject(
    text: &str,
    start: usize,
    (object, result): (Option<&str>, Option<&str>),
    amendment: Option<Option<PaperRef>>,
    fallback: Option<&PaperRef>,
) -> Option<PaperRef> {
    let on_recommendation = asked_on_recommendation(object, result, &text[..start]);
    // In the result of a vote on a recommendation, a paper after its kind is the one the
    // recommendation decides (`… angenommen und der Antrag Drucksache 16/5321 abgelehnt`).
    let in_result = |r: &str| {
        refs::papers(r)
            .into_iter()
            .find(|(at, p)| votable(p.kind) && !(on_recommendation && after_kind(r, *at)))
            .map(|(_, p)| p)
    };
    let (own, wording) = object.map_or((None, None), in_wording);
    own.or_else(|| result.and_then(in_result))
        .or_else(|| wording.and_then(|w| voted_in_wording(&text[..start], result, w)))
        .or_else(|| {
            on_recommendation
                .then(|| recommendation(&text[..start]))
                .flatten()
        })
        .or_else(|| match amendment {
            Some(announced) => announced,
            // `Wer dem Gesetzentwurf zustimmen möchte`: the last paper of that kind named
            // before (`über den Gesetzentwurf Drucksache 16/10600`), not the recommendation
            // named after it; else the last paper named.
            None => object
                .and_then(|o| named_before(&text[..start], o))
                .or_else(|| announced_in_wording(lead(text, start)))
                .or_else(|| bill_of_the_item(lead(text, start), object, result, fallback))
                .or_else(|| {
                    paper_lists(&text[..start])
                        .into_iter()
                        .rev()
                        .find_map(|l| l.first().copied())
                }),
        })
}

/// A bill or law named by its kind alone (`Damit ist das Haushaltsgesetz 2016 in dritter
/// Lesung verabschiedet.`, `Wer dem Gesetzentwurf zustimmen möchte`), its paper named nowhere
/// near: the item's first Drucksache, the bill its heading prints first (not the last paper
/// named, a committee's recommendation under it).
fn bill_of_the_item(
    lead: &str,
    object: Option<&str>,
    result: Option<&str>,
    fallback: Option<&PaperRef>,
) -> Option<PaperRef> {
    static BILL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:das|dem|den|der|des)\s+(?:\w+)?(?:[Gg]esetz(?:es)?|Gesetzentwurfs?)\b")
            .unwrap()
    });
    let announced = sentence::split(lead)
        .into_iter()
        .map(|(a, b)| &lead[a..b])
        .rfind(|s| s.contains("Abstimmung") || s.contains("abstimm"));
    let named = [object, result, announced]
        .into_iter()
        .flatten()
        .any(|s| BILL.is_match(s));
    named.then(|| fallback.copied()).flatten()
}

/// Before a paper: the recommendation in whose wording something is voted on (`dem
/// Gesetzentwurf in der Fassung der Beschlussempfehlung des Ausschusses … Drucksache 16/8801`).
static IN_WORDING_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bFassung\s+de[rs]\s+(?:Beschlu(?:ss|ß))?[Ee]mpfehlung(?:\s+de[rs]\s+[^,;–.]{0,80}?)?\s*(?:Drucksache\s*)?$").unwrap()
});
/// What a bill or paper is named by in a question: a paper's kind, or a law (`dem
/// Haushaltsgesetz`).
static BILL_OR_PAPER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:\w*[Gg]esetz\w*|Antr[aä]g\w*|Vorlage|Unterrichtung)\b").unwrap()
});

/// The question's paper, and apart from it the paper of the recommendation in whose wording
/// a bill or paper is voted on: `dem Gesetzentwurf in der Fassung der Beschlussempfehlung
/// Drucksache 18/8101` names the recommendation only, but the bill is what is voted on; an
/// `Einzelplan` (no paper of its own) voted so is voted on by the recommendation's paper.
fn in_wording(object: &str) -> (Option<PaperRef>, Option<PaperRef>) {
    let (mut own, mut wording) = (None, None);
    for (at, p) in refs::papers(object)
        .into_iter()
        .filter(|(_, p)| votable(p.kind))
    {
        let before = collapse(&object[..at]);
        match IN_WORDING_OF.find(&before) {
            Some(m) if BILL_OR_PAPER.is_match(&before[..m.start()]) => {
                wording = wording.or(Some(p));
            }
            _ => own = own.or(Some(p)),
        }
    }
    (own, wording)
}

/// The paper the last sentence before the vote that names one in a recommendation's wording
/// puts to the vote (`Wir kommen zur Schlussabstimmung über den Gesetzentwurf Drucksache
/// 16/5117 in der Fassung der Beschlussempfehlung Drucksache 16/5118.`): the bill, not the
/// recommendation named last.
fn announced_in_wording(lead: &str) -> Option<PaperRef> {
    sentence::split(lead).into_iter().rev().find_map(|(a, b)| {
        let (own, wording) = in_wording(&lead[a..b]);
        wording.and(own)
    })
}

/// The bill or paper voted on in a recommendation's wording (`wording`): the one the
/// recommendation decides, else the last paper named before the vote that is not it, else the
/// recommendation's paper after all.
fn voted_in_wording(before: &str, result: Option<&str>, wording: PaperRef) -> Option<PaperRef> {
    let near = &before[super::chars_before(before, before.len(), GAP_CHARS)..];
    decided(before, result)
        .filter(|d| *d != wording)
        .or_else(|| {
            refs::papers(near)
                .into_iter()
                .rev()
                .map(|(_, p)| p)
                .find(|p| votable(p.kind) && *p != wording)
        })
        .or(Some(wording))
}

/// Where a committee's recommendation is printed: `empfiehlt in Drucksache 16/4385`, `die
/// Beschlussempfehlung des Ausschusses … Drucksache 18/3400`; the paper a recommendation
/// decides (`…, den Antrag Drucksache 16/2131 abzulehnen`) is named after a paper's kind.
static RECOMMENDED_IN: LazyLock<Regex> = LazyLock::new(|| {
    let alt = phrases::alternation(Family::RecommendedIn);
    Regex::new(&format!(r"(?:{alt})\b(?P<between>[^.;]*?)$")).unwrap()
});
static PAPER_KIND_WORD: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::PaperKind));

/// Whether the question or the result says the vote is on a committee's recommendation; a
/// bill voted `in der Fassung der Beschlussempfehlung` is voted on itself, in the committee's
/// wording. `Empfehlung` alone (`Wer möchte dieser Empfehlung folgen?`) says so where the
/// sentences before name the recommendation's paper (`empfiehlt in der Beschlussempfehlung
/// Drucksache 14/7831, …`), not where the Ältestenrat recommends a referral.
fn asked_on_recommendation(object: Option<&str>, result: Option<&str>, before: &str) -> bool {
    let says = |w: &str| {
        object.into_iter().chain(result).any(|s| {
            s.match_indices(w).any(|(at, _)| {
                !words::collapse(&s[..at]).ends_with("Fassung der")
                    && !s[..at].ends_with(char::is_alphabetic)
            })
        })
    };
    says("Beschlussempfehlung")
        || says("Beschlußempfehlung")
        || (says("Empfehlung") && recommendation(before).is_some())
        || announced_on_recommendation(object, before)
}

/// The paper a recommendation decides: named after its kind in the result (`… angenommen und
/// der Antrag Drucksache 17/7000 abgelehnt`), else in the last sentence before the vote that
/// says what the committee recommends (`empfiehlt …, den Antrag Drucksache 16/2131
/// abzulehnen`).
fn decided(before: &str, result: Option<&str>) -> Option<PaperRef> {
    let after_kind = |s: &str| {
        refs::papers(s)
            .into_iter()
            .find_map(|(at, r)| (r.kind == PaperKind::Drucksache && after_kind(s, at)).then_some(r))
    };
    if let Some(r) = result.and_then(after_kind) {
        return Some(r);
    }
    let said = recommending(before)?;
    after_kind(said).or_else(|| named_before(before, said))
}

/// `Der Ausschuss empfiehlt …, den Gesetzentwurf … anzunehmen`, the paper named by its kind
/// alone: the last paper of that kind named before, within a passage's reach (`Zweitens
/// stimmen wir über den Gesetzentwurf Drucksache 18/8900 ab.`).
fn named_before(before: &str, said: &str) -> Option<PaperRef> {
    static KIND: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:den|die|das|dem|der)\s+(?:(?:vorliegenden|genannten)\s+)?(?P<kind>Antrag|Gesetzentwurf|Wahlvorschlag|Vorlage|Unterrichtung)\b").unwrap()
    });
    let kind = KIND.captures(said)?.name("kind")?.as_str();
    let from = super::chars_before(before, before.len(), GAP_CHARS);
    let window = &before[from..];
    refs::papers(window)
        .into_iter()
        .rev()
        .filter(|(at, r)| {
            let lead = &window[super::chars_before(window, *at, 40)..*at];
            r.kind == PaperKind::Drucksache
                && lead.split_whitespace().rev().take(3).any(|w| w == kind)
        })
        .map(|(_, r)| r)
        .next()
}

/// The last sentence before a vote that says what a committee recommends (`empfiehlt`, or
/// `… über die Empfehlung des Hauptausschusses in Drucksache 14/7424, dem Staatsvertrag
/// zuzustimmen`). A recommendation to refer a paper (the Ältestenrat's `empfiehlt die
/// Überweisung …`, an earlier item's) decides no paper and is passed over.
fn recommending(before: &str) -> Option<&str> {
    let from = super::chars_before(before, before.len(), GAP_CHARS);
    let says = |s: &&str| {
        (s.contains("empfiehlt") || (s.contains("Empfehlung") && PROPOSES_ANY.is_match(s)))
            && !REFERRAL_PROPOSED.is_match(s)
    };
    sentence::split(&before[from..])
        .into_iter()
        .rev()
        .map(|(a, b)| &before[from + a..from + b])
        .find(says)
}

/// What a recommendation proposes, in a `zu` infinitive (`abzulehnen`, `anzunehmen`,
/// `zuzustimmen`, `beizutreten`).
static PROPOSES_ANY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:ab|an|bei|zu)zu\w+en\b").unwrap());

/// `…, den Antrag Drucksache 16/2131 abzulehnen` / `… unverändert anzunehmen`: what the last
/// sentence before the vote that says what a committee recommends proposes for the paper.
static PROPOSES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:(?P<no>abzulehnen)|(?P<yes>anzunehmen))\b").unwrap());

fn recommends(before: &str) -> Option<VoteResult> {
    let said = recommending(before)?;
    let (no, yes) = PROPOSES
        .captures_iter(said)
        .fold((false, false), |(n, y), c| {
            (n || c.name("no").is_some(), y || c.name("yes").is_some())
        });
    // A recommendation that proposes both (`… abzulehnen und … anzunehmen`) says neither here.
    match (no, yes) {
        (true, false) => Some(VoteResult::Rejected),
        (false, true) => Some(VoteResult::Accepted),
        _ => None,
    }
}

/// Whether the paper at byte `at` of `s` follows its kind (`den Antrag Drucksache 16/2131`).
fn after_kind(s: &str, at: usize) -> bool {
    PAPER_KIND_WORD.is_match(&s[super::chars_before(s, at, 40)..at])
}

/// The last Drucksache in `before` that holds a committee's recommendation (Beschlussempfehlung).
pub(crate) fn recommendation(before: &str) -> Option<PaperRef> {
    let from = super::chars_before(before, before.len(), GAP_CHARS);
    refs::papers(&before[from..])
        .into_iter()
        .rev()
        .filter(|(at, r)| {
            r.kind == PaperKind::Drucksache
                && RECOMMENDED_IN
                    .captures(&before[from..from + at])
                    .is_some_and(|c| !PAPER_KIND_WORD.is_match(&c["between"]))
        })
        .map(|(_, r)| r)
        .next()
}

/// A vote on a referral recommendation (its question or result says so): the committees the
/// text before it names.
/// The referral proposed in `passage`: its words before its committees (`Überweisung des
/// Antrags Drucksache 16/12850`), where it ends, its lead and its committees; a committee added
/// to it (`…, den Gesetzentwurf auch an den Ausschuss für Kommunalpolitik zu überweisen`, `…
/// möchte den Ausschuss für … zur Mitberatung beteiligen`) joins it.
type Proposal<'a> = (&'a str, usize, Option<String>, Vec<String>);

fn proposed(passage: &str) -> Option<Proposal<'_>> {
    let mut proposed: Option<Proposal> = None;
    for c in REFERRAL.captures_iter(passage) {
        let whole = c.get(0).expect("a match");
        let list = ["list", "list2", "list3", "list4", "list5"]
            .iter()
            .find_map(|n| c.name(n));
        let (lead, all) = committees(list.map_or("", |m| m.as_str()));
        let adds = ["also2", "also3", "list5"]
            .iter()
            .any(|n| c.name(n).is_some());
        match proposed.as_mut() {
            Some((_, _, _, committees)) if adds => committees.extend(all),
            _ => {
                let head = &passage[whole.start()..list.map_or(whole.end(), |m| m.start())];
                proposed = Some((head, whole.end(), lead, all));
            }
        }
    }
    proposed
}

fn referral(text: &str, start: usize, object: &str, vote: &mut Vote) {
    let before = &text[..start];
    let from = super::chars_before(before, before.len(), QUESTION_CHARS);
    // The sentence before the question, or the one before that (`Der Ältestenrat empfiehlt
    // die Überweisung … Die abschließende Beratung soll … erfolgen. Ist jemand dagegen?`).
    let sentences = sentence::split(&before[from..]);
    let lead = sentences
        .get(sentences.len().saturating_sub(2))
        .map_or("", |&(a, _)| &before[from + a..]);
    vote.referral = object.contains("Überweisung")
        || object.contains("überwiesen")
        || REFERRAL_PROPOSED.is_match(lead);
    if !vote.referral {
        return;
    }
    // The referral proposed before the vote, within a passage's reach.
    let near = super::chars_before(text, start, GAP_CHARS);
    let passage = &text[near..start];
    let Some((head, end, mut lead, mut all)) = proposed(passage) else {
        (vote.lead, vote.referred_to) = referred_in(object);
        return;
    };
    // `Der Entschließungsantrag Drucksache 16/12929 soll ebenfalls überwiesen werden.`
    let co_referred = CO_REFERRED.find(&passage[end..]).map(|m| {
        paper_lists(&passage[end..end + m.start()])
            .last()
            .and_then(|l| l.first().copied())
    });
    let co_paper = co_referred.flatten();
    let co_referred = co_referred.is_some();
    // A proposal of another paper (an earlier item's, in reach of a referral worded otherwise)
    // is not this vote's: no committees rather than that paper's.
    let proposal = drucksache(head);
    if let (Some(p), Some(s)) = (&proposal, &vote.subject) {
        if p != s && !co_referred {
            return;
        }
    }
    // The lead named apart, where it is one of the committees.
    let named_lead = LEAD_NAMED.captures_iter(passage).last().and_then(|c| {
        let name = collapse(c.name("a").or(c.name("b")).map_or("", |m| m.as_str()));
        all.iter().find(|n| **n == name).cloned()
    });
    if let Some(named) = named_lead {
        all.retain(|n| *n != named);
        all.insert(0, named.clone());
        lead = Some(named);
    }
    vote.lead = lead;
    vote.referred_to = all;
    // Asked without naming a paper (`Wer stimmt dem so zu?`) after a second paper was sent the
    // same way (`Der Entschließungsantrag … soll ebenfalls überwiesen werden.`): the paper whose
    // referral was proposed, not the one named last.
    if let Some(paper) = proposal.filter(|_| co_referred && drucksache(object).is_none()) {
        vote.subject = Some(paper);
        vote.subject_inferred = false;
    }
    let also = co_paper.filter(|p| Some(p) != vote.subject.as_ref() && !vote.also_on.contains(p));
    vote.also_on.extend(also);
}

/// The plenary votes on Drucksachen, on a Vorlage itself (`über die Vorlage 18/4675 selbst`) and
/// on the petitions committee's Übersicht.
fn votable(kind: PaperKind) -> bool {
    matches!(
        kind,
        PaperKind::Drucksache | PaperKind::Vorlage | PaperKind::Uebersicht
    )
}

/// The first paper a sentence names that can be voted on.
/// The papers of `text` that can be voted on, the numbers of one list (`Drucksachen 16/11050
/// und 16/11051`) together, in order.
fn paper_lists(text: &str) -> Vec<Vec<PaperRef>> {
    let mut lists: Vec<(usize, Vec<PaperRef>)> = Vec::new();
    for (at, p) in refs::papers(text)
        .into_iter()
        .filter(|(_, p)| votable(p.kind))
    {
        match lists.last_mut() {
            Some((a, l)) if *a == at => l.push(p),
            _ => lists.push((at, vec![p])),
        }
    }
    lists.into_iter().map(|(_, l)| l).collect()
}

/// The other papers of the list that named the subject: the question's, else the passage's
/// before the vote (a joint vote's result names each vote's paper in one list: not that).
fn also_on(text: &str, start: usize, object: Option<&str>, subject: &PaperRef) -> Vec<PaperRef> {
    let near = super::chars_before(text, start, GAP_CHARS);
    let asked = object.filter(|o| drucksache(o).is_some());
    listed_with(asked.unwrap_or(&text[near..start]), subject)
}

/// The other numbers of the last list in `text` that names `subject` with others.
fn listed_with(text: &str, subject: &PaperRef) -> Vec<PaperRef> {
    paper_lists(text)
        .into_iter()
        .rev()
        .find(|l| l.len() > 1 && l.contains(subject))
        .map(|l| l.into_iter().filter(|p| p != subject).collect())
        .unwrap_or_default()
}

fn drucksache(s: &str) -> Option<PaperRef> {
    refs::papers(s)
        .into_iter()
        .map(|(_, r)| r)
        .find(|r| votable(r.kind))
}

/// `den Ausschuss für Heimat und Kommunales - federführend -, an den Innenausschuss sowie an
/// den Hauptausschuss` → the lead committee and all committees, lead first.
fn committees(list: &str) -> (Option<String>, Vec<String>) {
    // `… an den A und den B vorgesehen`: the participle closing the sentence is no name.
    static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s+(?:vorgesehen|empfohlen|vorgeschlagen|beantragt)\s*$").unwrap()
    });
    let list = collapse(list);
    let list = CLOSING.replace(&list, "").into_owned();
    // `an den A – federführend –, den B sowie den C`: each `den` after a list's joint names one.
    let list = list
        .replace(" sowie an ", ", an ")
        .replace(" und an ", ", an ")
        .replace(", den ", ", an den ")
        .replace(" sowie den ", ", an den ")
        .replace(" und den ", ", an den ");
    let mut lead = None;
    let mut others = Vec::new();
    let trim = |s: &str| {
        s.trim_matches(|c: char| c == '-' || c == '–' || c == ',' || c.is_whitespace())
            .to_owned()
    };
    for part in list.split(", an ") {
        // The role (`– federführend –`, `in der Federführung`, `in der Mitberatung`), not a part
        // of a name (`des federführenden Ausschusses`).
        let is_lead = ROLE.captures_iter(part).any(|c| c.name("lead").is_some());
        let name = ROLE.replace_all(part, " ");
        let name = trim(&name);
        let name = ["den ", "die ", "das ", "dem ", "der "]
            .iter()
            .fold(name.as_str(), |n, a| n.strip_prefix(a).unwrap_or(n));
        let name = trim(name);
        if name.is_empty() {
            continue;
        }
        if is_lead && lead.is_none() {
            lead = Some(name);
        } else {
            others.push(name);
        }
    }
    (lead.clone(), lead.into_iter().chain(others).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recommendation_names_its_paper_by_kind_alone() {
        let t = "Zweitens stimmen wir über den Gesetzentwurf Drucksache 18/8900 in zweiter Lesung ab. Der Ausschuss empfiehlt in Drucksache 18/9000, den Gesetzentwurf in der Fassung seiner Beschlüsse anzunehmen. Wer stimmt der Beschlussempfehlung zu? – CDU und Grüne. Damit ist die Beschlussempfehlung angenommen.";
        let v = &plenary(t, None, wp16())[0].vote;
        assert_eq!(v.decides.map(|p| p.number), Some(8900));
    }

    /// A roll call's totals told as a list (`Jastimmen 124, …, Enthaltungen keine.`: no
    /// question), ending with a count of one digit (`Enthaltungen: 0.` ends its sentence), or
    /// given in the result sentence itself.
    #[test]
    fn roll_call_totals_however_told() {
        let opened = "Ich gebe das Ergebnis der namentlichen Abstimmung bekannt. ";
        for (told, result, want) in [
            (
                "Abgegebene Stimmen 224; Jastimmen 124, Neinstimmen 100, Enthaltungen keine.",
                "",
                (124, 100, 0),
            ),
            (
                "Mit Ja haben 118 Kolleginnen und Kollegen gestimmt, mit Nein 99; Enthaltungen: 0.",
                "",
                (118, 99, 0),
            ),
            (
                "",
                " mit 118 Jastimmen gegen 99 Neinstimmen bei 2 Enthaltungen",
                (118, 99, 2),
            ),
        ] {
            let t = format!("{opened}{told}\nDamit ist der Gesetzentwurf Drucksache 16/7147{result} in dritter Lesung angenommen.");
            let reads = plenary(&t, None, wp16());
            let v = &reads[0].vote;
            assert_eq!(v.method, VoteMethod::RollCall, "{t}");
            let tally = v.tally.as_ref().map(|t| (t.yes, t.no, t.abstain));
            assert_eq!(
                tally,
                Some((Some(want.0), Some(want.1), Some(want.2))),
                "{t}"
            );
        }
        // Where the totals are not read, the text before still names the roll call.
        for opened in [
            opened,
            "Das Ergebnis der namentlichen Schlussabstimmung liegt vor. ",
        ] {
            let reads = plenary(
                &format!("{opened}Damit ist der Antrag angenommen."),
                None,
                wp16(),
            );
            assert_eq!(reads[0].vote.method, VoteMethod::RollCall, "{opened}");
        }
    }

    #[test]
    fn what_a_recommendation_proposes() {
        let t = "Der Ausschuss für Schule empfiehlt in Drucksache 16/2200, den Antrag Drucksache 16/2131 abzulehnen. Wer stimmt der Beschlussempfehlung zu? – SPD und Grüne. Wer stimmt dagegen? – CDU und FDP. Damit ist die Beschlussempfehlung angenommen.";
        let v = &plenary(t, None, wp16())[0].vote;
        assert_eq!(v.decides.map(|p| p.number), Some(2131));
        assert_eq!(v.recommends, Some(VoteResult::Rejected));
        let t = t.replace("abzulehnen", "unverändert anzunehmen");
        assert_eq!(
            plenary(&t, None, wp16())[0].vote.recommends,
            Some(VoteResult::Accepted)
        );
        let t = t.replace(
            "unverändert anzunehmen",
            "abzulehnen und den Antrag Drucksache 16/2140 anzunehmen",
        );
        assert_eq!(plenary(&t, None, wp16())[0].vote.recommends, None);
    }

    fn wp18() -> When {
        When {
            wahlperiode: Some(18),
            date: None,
        }
    }

    fn wp16() -> When {
        When {
            wahlperiode: Some(16),
            date: None,
        }
    }

    fn summary(r: &Read) -> (Option<VoteResult>, Vec<(String, &'static str)>) {
        (
            r.vote.result,
            r.vote
                .positions
                .iter()
                .map(|(v, p)| (label(v), p.key()))
                .collect(),
        )
    }

    #[test]
    fn committee_decisions() {
        let r = decisions("Der Ausschuss lehnt den Antrag mit den Stimmen der Fraktionen von FDP, CDU und AfD gegen die Stimmen der Fraktionen von SPD und BÜNDNIS 90/DIE GRÜNEN ab.", None, wp18());
        assert_eq!(r.len(), 1);
        let (res, pos) = summary(&r[0]);
        assert_eq!(res, Some(VoteResult::Rejected));
        assert_eq!(
            pos,
            [
                ("FDP".into(), "no"),
                ("CDU".into(), "no"),
                ("AfD".into(), "no"),
                ("SPD".into(), "yes"),
                ("GRÜNE".into(), "yes")
            ]
        );
        let r = decisions("Der Ausschuss lehnt den Antrag mit den Stimmen der Fraktionen von CDU, SPD, FDP und BÜNDNIS 90/DIE GRÜNEN gegen die Stimme der AfD-Fraktion ab.", None, wp18());
        assert_eq!(summary(&r[0]).1.last().unwrap(), &("AfD".to_owned(), "yes"));
        let r = decisions(
            "Der Ausschuss nimmt den Antrag einstimmig an.",
            None,
            wp18(),
        );
        assert_eq!(summary(&r[0]).1.len(), 5);
    }

    #[test]
    fn committee_decisions_of_other_forms() {
        let majority = "mit den Stimmen der Fraktionen von CDU und Grünen gegen die Stimmen \
                        der Fraktionen von SPD, FDP und AfD";
        for (sentence, result) in [
            (format!("Der Ausschuss empfiehlt {majority}, den Antrag abzulehnen."), VoteResult::Rejected),
            (format!("Der Ausschuss beschließt {majority}, dem Plenum die Annahme des Gesetzentwurfs zu empfehlen."), VoteResult::Accepted),
            (format!("Der Antrag Drucksache 18/9090 wird {majority} abgelehnt."), VoteResult::Rejected),
            (format!("Der Ausschuss stimmt der Vorlage {majority} zu."), VoteResult::Accepted),
            (format!("Der Ausschuss stimmt dem Antrag {majority} nicht zu."), VoteResult::Rejected),
        ] {
            let r = decisions(&sentence, None, wp18());
            assert_eq!(r.len(), 1, "{sentence}");
            let (res, pos) = summary(&r[0]);
            assert_eq!(res, Some(result), "{sentence}");
            let majority = if result == VoteResult::Accepted { "yes" } else { "no" };
            assert!(pos.contains(&("CDU".into(), majority)), "{sentence}: {pos:?}");
            assert_eq!(pos.len(), 5, "{sentence}");
        }
        // Not a decision: no voters named, or the committee's past told in a speech.
        for sentence in [
            "Der Ausschuss empfiehlt, den Antrag abzulehnen.",
            "Der Ausschuss hat den Antrag mit den Stimmen von CDU und Grünen abgelehnt.",
            "Der Ausschuss nimmt den Bericht zur Kenntnis.",
        ] {
            assert!(decisions(sentence, None, wp18()).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn plenary_votes() {
        let t = "Der Ältestenrat empfiehlt die Überweisung des Antrages Drucksache 18/1666 an den Ausschuss für Heimat und Kommunales - federführend -, an den Innenausschuss sowie an den Hauptausschuss. Die abschließende Beratung und Abstimmung sollen im federführenden Ausschuss in öffentlicher Sitzung erfolgen. Wer stimmt der Überweisungsempfehlung zu? - Das sind die Fraktionen von CDU, SPD, Bündnis 90/Die Grünen, FDP, AfD und der fraktionslose Abgeordnete Dr. Blex. Wer stimmt dagegen? - Ich sehe keine Gegenstimme. Wer enthält sich? - Auch keine Enthaltungen. Somit ist diese Überweisungsempfehlung angenommen worden.";
        let r = plenary(t, None, wp18());
        assert_eq!(r.len(), 1);
        let v = &r[0].vote;
        assert_eq!(v.subject.as_ref().map(|s| s.number), Some(1666));
        assert_eq!(
            v.referred_to,
            [
                "Ausschuss für Heimat und Kommunales",
                "Innenausschuss",
                "Hauptausschuss"
            ]
        );
        assert_eq!(
            v.lead.as_deref(),
            Some("Ausschuss für Heimat und Kommunales")
        );
        let (res, pos) = summary(&r[0]);
        assert_eq!(res, Some(VoteResult::Accepted));
        assert_eq!(pos.len(), 6);
        assert_eq!(pos[5], ("Blex".to_owned(), "yes"));
        // Not stated, implied: all in favour, none against.
        let t = "Wer stimmt der Überweisungsempfehlung zu? – Das sind die Fraktionen von CDU, SPD, Bündnis 90/Die Grünen, FDP und AfD. Wer stimmt dagegen? – Ich sehe keine Gegenstimmen. Wer enthält sich? – Auch keine Enthaltungen.";
        let r = plenary(t, None, wp18());
        assert_eq!(summary(&r[0]).0, Some(VoteResult::Accepted));
        assert!(!r[0].vote.result_stated);
        // Open when nothing says who voted against.
        let r = plenary(
            "Wer stimmt dem Antrag Drucksache 18/1 zu? – Die SPD.",
            None,
            wp18(),
        );
        assert_eq!(summary(&r[0]).0, None);
        // Asked only for votes against.
        let r = plenary("Wer stimmt gegen die Überweisungsempfehlung? – Wer enthält sich? – Somit ist diese Überweisungsempfehlung angenommen.", None, wp18());
        assert_eq!(r.len(), 1);
        assert_eq!(summary(&r[0]).0, Some(VoteResult::Accepted));
        assert!(r[0].vote.positions_inferred);
        assert_eq!(summary(&r[0]).1.len(), 5);
        // Other ways of saying accepted.
        let r = plenary("Wer stimmt der Empfehlung zu? – Die SPD. Wer stimmt dagegen? – Keine Gegenstimmen. Wer enthält sich? – Die AfD. Damit schließt sich der Landtag der Empfehlung des Rechtsausschusses an.", None, wp18());
        assert_eq!(summary(&r[0]).0, Some(VoteResult::Accepted));
        assert!(r[0].vote.result_stated);
        // Answers broken over lines, in other words.
        let t = "Wer stimmt diesem Antrag zu? – Die Fraktion\nder AfD. Wer lehnt diesen Antrag ab? – Die Fraktionen von SPD, Grünen, CDU und FDP. Gibt es Enthaltungen? – Das ist nicht der Fall. Somit ist dieser\nAntrag Drucksache 18/17452 abgelehnt.";
        let (res, pos) = summary(&plenary(t, None, wp18())[0]);
        assert_eq!(res, Some(VoteResult::Rejected));
        assert_eq!(
            pos,
            [
                ("AfD".into(), "yes"),
                ("SPD".into(), "no"),
                ("GRÜNE".into(), "no"),
                ("CDU".into(), "no"),
                ("FDP".into(), "no")
            ]
        );
        let t = "Wer stimmt diesem Antrag zu? – Das ist die Fraktion der FDP. Wer\nstimmt dagegen? – Das sind die Fraktionen von\nSPD, Bündnis 90/Die Grünen, CDU und AfD. Wer\nenthält sich? – Niemand. Damit ist der Antrag\nDrucksache 18/17464 abgelehnt.";
        let (_, pos) = summary(&plenary(t, None, wp18())[0]);
        assert_eq!(
            pos,
            [
                ("FDP".into(), "yes"),
                ("SPD".into(), "no"),
                ("GRÜNE".into(), "no"),
                ("CDU".into(), "no"),
                ("AfD".into(), "no")
            ]
        );
        // Asked three times (18/115): one vote, from the first question to the result.
        let t = "über den Wahlvorschlag Drucksache 18/17551. Wer stimmt dem Wahlvorschlag zu? – Das ist die Fraktion der AfD. Wer stimmt dagegen? Wer enthält sich? – Das sind die Fraktionen von CDU und SPD. (Zuruf: Und FDP!) – Ich frage noch einmal. Wer stimmt dem Wahlvorschlag zu? – Das ist die Fraktion der AfD. Wer stimmt dagegen? – Keine Gegenstimmen. Wer enthält sich? (Zuruf) – Doch? Wir machen es noch mal. Wer stimmt dem Wahlvorschlag zu? – Das ist die Fraktion der AfD. Wer stimmt dagegen? – Keine. Wer enthält sich? – Die Fraktion der AfD enthält sich nicht, aber die SPD. Damit ist der Wahlvorschlag Drucksache 18/17551 angenommen.";
        let r = plenary(t, None, wp18());
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].start, t.find("Wer").unwrap());
        assert_eq!(summary(&r[0]).0, Some(VoteResult::Accepted));
        // A Vorlage voted on itself, named in the result; an Übersicht.
        let t = "empfiehlt in Drucksache 18/17498, die in Vorlage 18/4675 beantragte Genehmigung zu erteilen. Wer stimmt der Vorlage zu? – Das sind die Fraktionen von CDU und SPD. Wer stimmt dagegen? – Keine Gegenstimmen. Somit ist die in Vorlage 18/4675 erbetene Genehmigung erteilt.";
        let s = plenary(t, None, wp18())[0].vote.subject.unwrap();
        assert_eq!((s.kind, s.number), (PaperKind::Vorlage, 4675));
        let t = "Wer stimmt den Beschlüssen zu? – Das sind die Fraktionen von CDU und SPD. Wer stimmt dagegen? – Keine. Damit sind die Beschlüsse in Übersicht 18/33 bestätigt.";
        let s = plenary(t, None, wp18())[0].vote.subject.unwrap();
        assert_eq!((s.kind, s.number), (PaperKind::Uebersicht, 33));
        // The coalition of the period.
        let r = plenary("Wer stimmt dem Antrag Drucksache 18/1 zu? – Das sind die Koalitionsfraktionen. Wer stimmt dagegen? – Die SPD. Damit ist der Antrag angenommen.", None, wp18());
        let yes: Vec<String> = r[0]
            .vote
            .positions
            .iter()
            .filter(|(_, p)| *p == Position::Yes)
            .map(|(v, _)| label(v))
            .collect();
        assert_eq!(yes, ["CDU", "GRÜNE"]);
        // Asked again: one vote.
        let t = "über Drucksache 18/5 ab. Wer stimmt dem Wahlvorschlag zu? – Das ist die Fraktion der AfD. Wer stimmt dagegen? Ich frage noch einmal. Wer stimmt dem Wahlvorschlag zu? – Die AfD. Wer stimmt dagegen? – Die SPD. Damit ist der Wahlvorschlag angenommen.";
        let r = plenary(t, None, wp18());
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].start, t.find("Wer").unwrap());
    }

    /// Interjections are taken out, other parentheses kept; offsets map back to the original,
    /// a vote's span too.
    #[test]
    fn the_quiet_text_leaves_out_interjections_and_maps_back() {
        let t = "Wer stimmt dagegen? (Zurufe von der AfD)\n– Die AfD (Drucksache 18/1). Damit ist \
                 der Antrag (Beifall von der CDU) angenommen.";
        let q = Quiet::new(t);
        assert_eq!(
            q.text,
            "Wer stimmt dagegen? – Die AfD (Drucksache 18/1). Damit ist der Antrag angenommen."
        );
        let at = q.text.find("angenommen").unwrap();
        assert_eq!(q.original(at), t.find("angenommen").unwrap());
        assert_eq!(q.original(q.text.find('–').unwrap()), t.find('–').unwrap());
        let r = plenary(t, None, wp18());
        assert_eq!((r[0].start, r[0].end), (0, t.len()));
    }
}
