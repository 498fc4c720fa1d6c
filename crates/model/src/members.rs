//! The members of the Landtag by Wahlperiode (1–18), from `data/members/` (SpeakGer's metadata,
//! CC BY 4.0, attribution in `data/members/README.md`): a surname printed alone (`Herr Kollege
//! Dr. Droste`, `Frau Altenkamp`, a roll call's `Herr Müller, Hans`) resolves to the member of
//! that period; two members with one surname are told apart by given name where printed, and by
//! the salutation's gender, else reported ambiguous.

use crate::words::collapse;
use std::collections::HashMap;
use std::sync::LazyLock;

const BY_PERIOD: &str = include_str!("../../../data/members/nrw-members-by-period.csv");
const PERSONS: &str = include_str!("../../../data/members/nrw-members.csv");

/// A member of the Landtag in one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    /// Wikidata QID (`Q2039034`).
    pub wikidata: String,
    /// `männlich`, `weiblich`, as the source writes it.
    pub gender: String,
}

/// What a printed surname resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    One(Member),
    /// Several members bear the name; their names.
    Ambiguous(Vec<String>),
    NotFound,
}

/// (period, folded surname) → members.
static INDEX: LazyLock<HashMap<(u32, String), Vec<Member>>> = LazyLock::new(|| {
    let persons: HashMap<&str, Member> = PERSONS
        .lines()
        .skip(1)
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            Some((
                *c.first()?,
                Member {
                    name: c.get(2)?.to_string(),
                    wikidata: c.get(1)?.to_string(),
                    gender: c.get(5).unwrap_or(&"").to_string(),
                },
            ))
        })
        .collect();
    let mut index: HashMap<(u32, String), Vec<Member>> = HashMap::new();
    for l in BY_PERIOD.lines().skip(1) {
        let c: Vec<&str> = l.split(',').collect();
        let (Some(id), Some(Ok(period))) = (c.first(), c.get(1).map(|p| p.parse::<u32>())) else {
            continue;
        };
        let Some(m) = persons.get(id) else { continue };
        let entry = index.entry((period, surname_key(&m.name))).or_default();
        if !entry.contains(m) {
            entry.push(m.clone());
        }
    }
    index
});

/// (period, folded full name) → members.
static BY_NAME: LazyLock<HashMap<(u32, String), Vec<Member>>> = LazyLock::new(|| {
    let mut index: HashMap<(u32, String), Vec<Member>> = HashMap::new();
    for ((period, _), members) in INDEX.iter() {
        for m in members {
            index
                .entry((*period, name_key(&m.name)))
                .or_default()
                .push(m.clone());
        }
    }
    index
});

fn name_key(name: &str) -> String {
    fold(&collapse(name))
}

/// The members of `period` with this full name (titles left off).
pub fn by_name(period: u32, name: &str) -> Vec<Member> {
    BY_NAME
        .get(&(period, name_key(name)))
        .cloned()
        .unwrap_or_default()
}

/// The last word of a name, lower case, diacritics folded: how surnames are compared.
pub fn surname_key(name: &str) -> String {
    fold(name.split_whitespace().last().unwrap_or(""))
}

fn fold(s: &str) -> String {
    s.chars()
        .map(crate::words::fold)
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ß' { 's' } else { c })
        .collect()
}

/// The member of `period` a surname (with a given name, or a salutation's gender, where
/// printed) names.
pub fn resolve(
    period: u32,
    surname: &str,
    given: Option<&str>,
    female: Option<bool>,
) -> Resolution {
    let Some(all) = INDEX.get(&(period, surname_key(surname))) else {
        return Resolution::NotFound;
    };
    let mut found: Vec<&Member> = all.iter().collect();
    if let Some(g) = given.map(fold).filter(|g| !g.is_empty()) {
        let by_given: Vec<&Member> = found
            .iter()
            .copied()
            .filter(|m| fold(&m.name).starts_with(&g))
            .collect();
        if !by_given.is_empty() {
            found = by_given;
        }
    }
    if let (Some(f), true) = (female, found.len() > 1) {
        let by_gender: Vec<&Member> = found
            .iter()
            .copied()
            .filter(|m| (m.gender == "weiblich") == f)
            .collect();
        if !by_gender.is_empty() {
            found = by_gender;
        }
    }
    match found.as_slice() {
        [one] => Resolution::One((*one).clone()),
        [] => Resolution::NotFound,
        many => Resolution::Ambiguous(many.iter().map(|m| m.name.clone()).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_resolve_within_their_period() {
        let one = |p, s, g, f| match resolve(p, s, g, f) {
            Resolution::One(m) => m.name,
            other => format!("{other:?}"),
        };
        assert_eq!(one(16, "Mostofizadeh", None, None), "Mehrdad Mostofizadeh");
        assert_eq!(one(16, "Droste", None, None), "Wilhelm Droste");
        assert_eq!(resolve(1, "Blex", None, None), Resolution::NotFound);
    }
}
