//! The resolve pass (model → model), between parsing and mapping: persons printed by surname
//! alone (`der fraktionslose Abgeordnete Dr. Blex` in a vote, `Zuruf von Herrn Witzel` in an
//! interjection) become the person they name: the document's one speaker of that surname, else
//! the one member of the period of that surname (`data/members/`). Two candidates: the name stays
//! as printed. A roll call's member already resolved by the member list is the document's speaker
//! where both name one person. Then every person gets their identity: the member of the list
//! their full name names (`members::identify`). The mapping then reads only resolved, typed
//! fields.

use crate::government;
use crate::members::{self, Resolution};
use crate::model::{Document, MinistryRef, RoleKind, Speaker, Voter};

/// Resolves every surname-only person of `doc` in place; returns the doubts: surnames that
/// several members of the period bear, kept as printed.
pub fn resolve(doc: &mut Document) -> Vec<String> {
    let doubts = doubts(doc);
    resolve_names(doc);
    government(doc);
    identify(doc);
    doubts
}

/// A minister (`Ministerin für Schule und Bildung`, `Finanzminister Walter-Borjans`) is the
/// holder of the ministry they speak for on the document's date (`data/lexicon/regierung.tsv`):
/// the post is recorded, and a surname or a missing name becomes the holder's full name.
fn government(doc: &mut Document) {
    let Some(day) = doc.date.or(doc.meeting.as_ref().and_then(|m| m.date)) else {
        return;
    };
    for (_, s) in doc.persons_mut() {
        let Some(role) = s.role.as_ref().filter(|r| r.kind == RoleKind::Government) else {
            continue;
        };
        if !role.printed.to_lowercase().contains("minister") {
            continue;
        }
        let ministry = match &s.speaks_for {
            Some(MinistryRef::Known(m)) => Some(m.abbr),
            _ => None,
        };
        let surname = s.name.split_whitespace().last();
        if ministry.is_none() && surname.is_none() {
            continue;
        }
        if let Some(id) = government::holder(day, ministry, surname) {
            if !s.name.contains(' ') {
                s.name = government::post(id).person.to_owned();
            }
            s.office = Some(id);
        }
    }
}

/// Every person printed with a full name gets the member of the list they are (`member`), by
/// the period they are named in and their faction's party: the key of their IRI.
/// A name printed with a faction in one place and without in another is one person: the
/// identity found for the name anywhere in the document holds for all its mentions.
fn identify(doc: &mut Document) {
    let mut found: std::collections::HashMap<String, Vec<members::MemberId>> = Default::default();
    for (period, s) in doc.persons_mut() {
        let Some(period) = period else { continue };
        let party = s.faction.map(|f| f.party().key.as_str());
        let member = members::identify(period, &s.name, party);
        // A compound's hyphen lost at a line's end (`MüllerRech`): the name as the list has it.
        if let Some(m) = member
            .as_ref()
            .filter(|m| m.name.replace('-', "") == s.name)
        {
            s.name.clone_from(&m.name);
        }
        s.member = member.map(|m| m.id);
        if let Some(id) = s.member {
            let ids = found.entry(s.name.clone()).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    for (_, s) in doc.persons_mut() {
        if let (None, Some([id])) = (s.member, found.get(&s.name).map(Vec::as_slice)) {
            s.member = Some(*id);
        }
    }
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
            if let Resolution::Ambiguous(names) =
                members::resolve(period, &s.name, None, None, None)
            {
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
        [] => match members::resolve(period?, printed, None, None, None) {
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

    fn minister(name: &str, role: &str, ministry: &str) -> Speaker {
        let mut s = Speaker::named(name);
        s.role = Some(crate::model::Role {
            printed: role.to_owned(),
            kind: RoleKind::Government,
        });
        s.speaks_for = crate::lexicon::ministry(ministry, None).map(MinistryRef::Known);
        s
    }

    #[test]
    fn a_minister_is_the_holder_of_the_ministry_on_the_documents_date() {
        let mut doc = Document::empty(DocumentKind::Plenarprotokoll, "");
        doc.wahlperiode = Some(18);
        doc.date = crate::model::Date::parse_iso("2023-05-10");
        doc.mentioned_persons = vec![
            minister("", "Ministerin für Schule und Bildung", "MSB"),
            minister("Reul", "Minister des Innern", "IM"),
            minister("Reul", "Minister der Finanzen", "FM"),
        ];
        resolve(&mut doc);
        let got: Vec<(&str, Option<&str>)> = doc
            .mentioned_persons
            .iter()
            .map(|s| {
                let post = s
                    .office
                    .map(|id| government::post(id).cabinet.name.as_str());
                (s.name.as_str(), post)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Dorothee Feller", Some("Wüst II")),
                ("Herbert Reul", Some("Wüst II")),
                // Reul did not hold the finance ministry: no post, the name as printed.
                ("Reul", None),
            ]
        );
        // 2014: `Finanzminister Walter-Borjans` of Kraft II.
        let mut doc = Document::empty(DocumentKind::Plenarprotokoll, "");
        doc.wahlperiode = Some(16);
        doc.date = crate::model::Date::parse_iso("2014-03-01");
        doc.mentioned_persons = vec![minister("Walter-Borjans", "Finanzminister", "FM")];
        resolve(&mut doc);
        let s = &doc.mentioned_persons[0];
        assert_eq!(s.name, "Norbert Walter-Borjans");
        assert_eq!(
            s.office
                .map(|id| government::post(id).cabinet.name.as_str()),
            Some("Kraft II")
        );
    }

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
