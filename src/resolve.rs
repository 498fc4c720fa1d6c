//! The resolve pass (model → model), between parsing and mapping: persons printed by surname
//! alone (`der fraktionslose Abgeordnete Dr. Blex` in a vote, `Zuruf von Herrn Witzel` in an
//! interjection) become the person they name: the document's one speaker of that surname, else
//! the one member of the period of that surname (`data/members/`). Two candidates: the name stays
//! as printed. A roll call's member already resolved by the member list is the document's speaker
//! where both name one person. The mapping then reads only resolved, typed fields.

use crate::members::{self, Resolution};
use crate::model::{Document, Speaker, Voter};

/// Resolves every surname-only person of `doc` in place; returns the doubts: surnames that
/// several members of the period bear, kept as printed.
pub fn resolve(doc: &mut Document) -> Vec<String> {
    let doubts = doubts(doc);
    resolve_names(doc);
    doubts
}

/// Voters printed by surname alone whom neither the document nor the period tells apart.
fn doubts(doc: &Document) -> Vec<String> {
    let Some(period) = doc.wahlperiode else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for v in &doc.votes {
        for (voter, _) in &v.positions {
            let Voter::Member(s) = voter else { continue };
            let own = doc
                .contributions
                .iter()
                .filter_map(|c| c.speaker.as_ref())
                .any(|sp| sp.name.rsplit(' ').next() == Some(s.name.as_str()));
            if s.name.contains(' ') || own {
                continue;
            }
            if let Resolution::Ambiguous(names) = members::resolve(period, &s.name, None, None) {
                let d = format!(
                    "`{}` votes on their own; members of period {period} of that name: {}; kept as printed",
                    s.name,
                    names.join(", ")
                );
                if !out.contains(&d) {
                    out.push(d);
                }
            }
        }
    }
    out
}

fn resolve_names(doc: &mut Document) {
    let speakers: Vec<String> = doc
        .contributions
        .iter()
        .filter_map(|c| c.speaker.as_ref())
        .map(|s| s.name.clone())
        .collect();
    let period = doc.wahlperiode;
    let full = |s: &mut Speaker| {
        if let Some(name) = full_name(&s.name, &speakers, period) {
            s.name = name;
        }
    };
    for v in &mut doc.votes {
        for (voter, _) in &mut v.positions {
            if let Voter::Member(s) = voter {
                full(s);
            }
        }
        if let Some(e) = &mut v.election {
            e.elected.iter_mut().for_each(full);
            e.candidates.iter_mut().for_each(|(s, _)| full(s));
        }
    }
    for i in &mut doc.interjections {
        i.persons.iter_mut().for_each(full);
    }
    // A roll call's member resolved by the member list is the person the document prints
    // (speaking or interjecting) where both name one person (`Matthias Bolte` in the list, `Matthi Bolte` as the protocol prints him).
    let printed: Vec<String> = speakers
        .iter()
        .cloned()
        .chain(
            doc.interjections
                .iter()
                .flat_map(|i| i.persons.iter().map(|p| p.name.clone())),
        )
        .collect();
    for v in &mut doc.votes {
        for m in &mut v.members {
            if let Some(name) = as_speaker(&m.member.name, &printed) {
                m.member.name = name;
            }
        }
    }
}

/// The document's one speaker with the same surname and a given name that begins the other's.
fn as_speaker(name: &str, speakers: &[String]) -> Option<String> {
    let (given, surname) = name.rsplit_once(' ')?;
    let mut same: Vec<&String> = speakers
        .iter()
        .filter(|s| {
            s.rsplit_once(' ').is_some_and(|(g, last)| {
                last == surname && (g.starts_with(given) || given.starts_with(g))
            })
        })
        .collect();
    same.sort_unstable();
    same.dedup();
    match same.as_slice() {
        [one] if one.as_str() != name => Some((*one).clone()),
        _ => None,
    }
}

/// The full name a surname printed alone stands for, where exactly one person fits.
fn full_name(printed: &str, speakers: &[String], period: Option<u32>) -> Option<String> {
    if printed.contains(' ') {
        return None;
    }
    let mut own: Vec<&String> = speakers
        .iter()
        .filter(|n| n.rsplit(' ').next() == Some(printed))
        .collect();
    own.sort_unstable();
    own.dedup();
    match own.as_slice() {
        [one] => Some((*one).clone()),
        [] => match members::resolve(period?, printed, None, None) {
            Resolution::One(m) => Some(m.name),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentKind, Position};

    #[test]
    fn surnames_alone_resolve_by_period_or_are_reported() {
        let mut doc = Document::empty(DocumentKind::Plenarprotokoll, "");
        doc.wahlperiode = Some(16);
        let mut vote = crate::parse::vote::empty_vote(None);
        for name in ["Schwerd", "Müller"] {
            vote.positions
                .push((Voter::Member(Speaker::named(name)), Position::Yes));
        }
        doc.votes.push(vote);
        let doubts = resolve(&mut doc);
        let names: Vec<String> = doc.votes[0]
            .positions
            .iter()
            .map(|(v, _)| crate::parse::vote::label(v))
            .collect();
        assert_eq!(names, ["Daniel Schwerd", "Müller"]);
        assert_eq!(doubts.len(), 1);
        assert!(doubts[0].contains("Holger Müller") && doubts[0].contains("Hans-Peter Müller"));
    }
}
