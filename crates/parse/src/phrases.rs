//! The phrases of a vote passage as data: `data/lexicon/abstimmung.tsv`, one row a phrase with
//! the family it belongs to (what it does in the grammar of `vote.rs`), the Wahlperioden it is
//! seen in and an example it must find. The grammar's regular expressions are built from the
//! families here; a new wording is a row, not code.

use regex::Regex;
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../../data/lexicon/abstimmung.tsv");

/// What a phrase does in a vote passage (the table's `family` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Question,
    AskAbstain,
    AskNo,
    AskYes,
    AskFollowUp,
    PresumeNone,
    ResultRejected,
    ResultAccepted,
    ResultMark,
    ResultTense,
    ResultSplit,
    ResultElliptic,
    ResultNarrated,
    ResultElsewhere,
    ClauseMajority,
    ClauseMinority,
    ClauseYes,
    ClauseNo,
    ClauseAbstain,
    ClauseNone,
    PredicateYes,
    PredicateNo,
    PredicateAbstain,
    StatedYes,
    StatedNo,
    StatedAbstain,
    ToldYes,
    ToldNo,
    ToldAbstain,
    Restated,
    DecisionSubject,
    DecisionRejected,
    DecisionAccepted,
    Repeat,
    VotedOn,
    RecommendedIn,
    PaperKind,
    Amendment,
    IntentYes,
    IntentNo,
    IntentAbstain,
    IntentHedge,
    AnswerConsent,
    AnswerAddition,
    RecordRejected,
    RecordAccepted,
    RecordReferred,
    RecordFollowing,
    RecordParts,
    RecordPart,
    RecordRollCall,
    RecordDecides,
    RecordProcedural,
    Motion,
}

impl Family {
    const ALL: [(&'static str, Family); 54] = [
        ("question", Family::Question),
        ("ask-abstain", Family::AskAbstain),
        ("ask-no", Family::AskNo),
        ("ask-yes", Family::AskYes),
        ("ask-follow-up", Family::AskFollowUp),
        ("presume-none", Family::PresumeNone),
        ("result-rejected", Family::ResultRejected),
        ("result-accepted", Family::ResultAccepted),
        ("result-mark", Family::ResultMark),
        ("result-tense", Family::ResultTense),
        ("result-split", Family::ResultSplit),
        ("result-elliptic", Family::ResultElliptic),
        ("result-narrated", Family::ResultNarrated),
        ("result-elsewhere", Family::ResultElsewhere),
        ("clause-majority", Family::ClauseMajority),
        ("clause-minority", Family::ClauseMinority),
        ("clause-yes", Family::ClauseYes),
        ("clause-no", Family::ClauseNo),
        ("clause-abstain", Family::ClauseAbstain),
        ("clause-none", Family::ClauseNone),
        ("predicate-yes", Family::PredicateYes),
        ("predicate-no", Family::PredicateNo),
        ("predicate-abstain", Family::PredicateAbstain),
        ("stated-yes", Family::StatedYes),
        ("stated-no", Family::StatedNo),
        ("stated-abstain", Family::StatedAbstain),
        ("told-yes", Family::ToldYes),
        ("told-no", Family::ToldNo),
        ("told-abstain", Family::ToldAbstain),
        ("restated", Family::Restated),
        ("decision-subject", Family::DecisionSubject),
        ("decision-rejected", Family::DecisionRejected),
        ("decision-accepted", Family::DecisionAccepted),
        ("repeat", Family::Repeat),
        ("voted-on", Family::VotedOn),
        ("recommended-in", Family::RecommendedIn),
        ("paper-kind", Family::PaperKind),
        ("amendment", Family::Amendment),
        ("intent-yes", Family::IntentYes),
        ("intent-no", Family::IntentNo),
        ("intent-abstain", Family::IntentAbstain),
        ("intent-hedge", Family::IntentHedge),
        ("answer-consent", Family::AnswerConsent),
        ("answer-addition", Family::AnswerAddition),
        ("record-rejected", Family::RecordRejected),
        ("record-accepted", Family::RecordAccepted),
        ("record-referred", Family::RecordReferred),
        ("record-following", Family::RecordFollowing),
        ("record-parts", Family::RecordParts),
        ("record-part", Family::RecordPart),
        ("record-roll-call", Family::RecordRollCall),
        ("record-decides", Family::RecordDecides),
        ("record-procedural", Family::RecordProcedural),
        ("motion", Family::Motion),
    ];

    fn named(name: &str) -> Option<Family> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
    }

    /// Whether the family's phrases are matched with their case (a question's `Wer`, the result
    /// verbs), else without.
    pub fn case_sensitive(self) -> bool {
        matches!(
            self,
            Family::Question
                | Family::ResultRejected
                | Family::ResultAccepted
                | Family::ResultTense
                | Family::ResultNarrated
                | Family::ResultElsewhere
                | Family::VotedOn
                | Family::RecommendedIn
                | Family::PaperKind
                | Family::Amendment
                | Family::DecisionSubject
                | Family::DecisionRejected
                | Family::DecisionAccepted
                | Family::RecordRejected
                | Family::RecordAccepted
                | Family::RecordReferred
                | Family::RecordFollowing
                | Family::RecordParts
                | Family::RecordPart
                | Family::RecordDecides
        )
    }
}

/// One row of the table.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub family: Family,
    /// The pattern as a regular expression, its spaces widened to any white space.
    pub pattern: String,
    /// The periods it is seen in, as written (`14-18`).
    pub periods: String,
    pub example: String,
}

static PHRASES: LazyLock<Vec<Phrase>> = LazyLock::new(|| {
    TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let [family, pattern, periods, example] = cols[..] else {
                panic!("abstimmung.tsv: a row has four columns: {l}");
            };
            Phrase {
                family: Family::named(family)
                    .unwrap_or_else(|| panic!("abstimmung.tsv: no family {family}")),
                pattern: pattern.replace(' ', r"\s+"),
                periods: periods.to_owned(),
                example: example.to_owned(),
            }
        })
        .collect()
});

/// Every phrase of the table, in its order.
pub fn all() -> &'static [Phrase] {
    &PHRASES
}

/// The family's phrases as one alternation, in the table's order (`(?:a)|(?:b)`), without flags.
pub fn alternation(family: Family) -> String {
    alternation_of(family, |_| true)
}

/// The family's phrases that `keep` accepts, as one alternation. A phrase's `.` crosses line
/// breaks (`(?s)`): a printed line may break anywhere in a sentence (`Wer lehnt diesen Antrag` /
/// `ab?`).
pub fn alternation_of(family: Family, keep: impl Fn(&Phrase) -> bool) -> String {
    PHRASES
        .iter()
        .filter(|p| p.family == family && keep(p))
        .map(|p| format!("(?s:{})", p.pattern))
        .collect::<Vec<_>>()
        .join("|")
}

/// The family's phrases as a regular expression, with its case rule.
pub fn regex(family: Family) -> Regex {
    let flags = if family.case_sensitive() { "" } else { "(?i)" };
    Regex::new(&format!("{flags}(?:{})", alternation(family)))
        .unwrap_or_else(|e| panic!("abstimmung.tsv, {family:?}: {e}"))
}

/// Named groups, one a family, as one alternation: `(?P<name>a|b)|(?P<other>c)`.
pub fn groups(families: &[(&str, Family)]) -> String {
    families
        .iter()
        .map(|(name, f)| format!("(?P<{name}>{})", alternation(*f)))
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_finds_its_example() {
        assert!(all().len() > 50);
        for p in all() {
            let flags = if p.family.case_sensitive() {
                ""
            } else {
                "(?i)"
            };
            let re = Regex::new(&format!("{flags}{}", p.pattern))
                .unwrap_or_else(|e| panic!("{}: {e}", p.pattern));
            assert!(
                re.is_match(&p.example),
                "abstimmung.tsv: {:?} `{}` does not find its example `{}`",
                p.family,
                p.pattern,
                p.example
            );
            assert!(
                p.periods.split(',').all(|r| r
                    .split('-')
                    .all(|n| n.parse::<u32>().is_ok_and(|n| (1..=18).contains(&n)))),
                "abstimmung.tsv: periods `{}`",
                p.periods
            );
        }
    }
}
