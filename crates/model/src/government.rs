//! The members of the state governments (`data/lexicon/regierung.tsv`): who held which office in
//! which cabinet of `kabinette.tsv`, from when to when, and in which ministry (as it was named
//! then). A government speaker (`Ministerin für Schule und Bildung`, `Finanzminister
//! Walter-Borjans`) is the holder of that ministry on the document's date.

use crate::date::Date;
use crate::lexicon::{self, Cabinet, Ministry};
use std::sync::LazyLock;

pub const REGIERUNG: &str = include_str!("../../../data/lexicon/regierung.tsv");

/// A post's place in the table: what a speaker resolved to a post carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct PostId(pub u16);

/// One person's office in one cabinet.
#[derive(Debug)]
pub struct Post {
    pub cabinet: &'static Cabinet,
    pub from: Date,
    /// `None`: in office now.
    pub to: Option<Date>,
    /// The full name, without titles.
    pub person: &'static str,
    /// `Ministerpräsident`, `Ministerin`, as the Landtag titles it.
    pub role: &'static str,
    /// The ministry, where the lexicon holds it.
    pub ministry: Option<Ministry>,
    /// The office's full title (`Ministerin für Schule und Bildung`).
    pub office: &'static str,
    /// What the table notes (a deputy head of government, a date known to the month).
    pub note: &'static str,
}

impl Post {
    /// Whether the office was held on `day`.
    pub fn held_on(&self, day: Date) -> bool {
        self.from <= day && self.to.is_none_or(|t| day < t)
    }

    /// The head of government (`Ministerpräsident`, `Ministerpräsidentin`).
    pub fn heads(&self) -> bool {
        self.role.starts_with("Ministerpräsident")
    }
}

static POSTS: LazyLock<Vec<Post>> = LazyLock::new(|| {
    lexicon::rows(REGIERUNG)
        .into_iter()
        .map(|r| {
            let cabinet = lexicon::cabinets()
                .iter()
                .find(|c| c.name == r["cabinet"])
                .unwrap_or_else(|| panic!("regierung.tsv: cabinet `{}` unknown", r["cabinet"]));
            let period = lexicon::wahlperiode_on(cabinet.from);
            let ministry = Some(r["ministry"]).filter(|m| !m.is_empty()).map(|m| {
                lexicon::ministry(m, period)
                    .unwrap_or_else(|| panic!("regierung.tsv: ministry `{m}` unknown"))
            });
            Post {
                cabinet,
                from: lexicon::day(r["from"]),
                to: Some(r["to"]).filter(|t| !t.is_empty()).map(lexicon::day),
                person: r["person"],
                role: r["role"],
                ministry,
                office: r["office"],
                note: r.get("note").copied().unwrap_or(""),
            }
        })
        .collect()
});

/// Every post of the table, in its order.
pub fn posts() -> &'static [Post] {
    &POSTS
}

/// The post with this id.
pub fn post(id: PostId) -> &'static Post {
    &POSTS[usize::from(id.0)]
}

/// The one holder on `day` of the office a government speaker is printed with: the ministry's
/// minister (or the head of government for the Staatskanzlei), of that surname where one is
/// printed.
pub fn holder(day: Date, ministry: Option<&str>, surname: Option<&str>) -> Option<PostId> {
    let surname = surname.map(crate::members::surname_key);
    let found: Vec<(usize, &Post)> = POSTS
        .iter()
        .enumerate()
        .filter(|(_, p)| p.held_on(day))
        .filter(|(_, p)| ministry.is_none_or(|m| p.ministry.is_some_and(|pm| pm.abbr == m)))
        .filter(|(_, p)| {
            surname
                .as_ref()
                .is_none_or(|s| crate::members::surname_key(p.person) == *s)
        })
        .collect();
    let id = |i: usize| PostId(i as u16);
    match found.as_slice() {
        [(i, _)] => Some(id(*i)),
        // The Staatskanzlei's head and a minister in it: the head where no name tells.
        [_, _] if surname.is_none() => found.iter().find(|(_, p)| p.heads()).map(|(i, _)| id(*i)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_post_lies_within_its_cabinet_and_each_cabinet_has_one_head() {
        for p in posts() {
            let c = p.cabinet;
            assert!(p.from >= c.from, "{} starts before {}", p.person, c.name);
            if let (Some(to), Some(end)) = (p.to, c.to) {
                assert!(to <= end, "{} ends after {}", p.person, c.name);
            }
        }
        for c in lexicon::cabinets() {
            let heads = posts()
                .iter()
                .filter(|p| std::ptr::eq(p.cabinet, c) && p.heads())
                .count();
            assert_eq!(heads, 1, "{}", c.name);
        }
    }

    #[test]
    fn a_ministry_and_a_day_name_its_minister() {
        let day = |s| Date::parse_iso(s).unwrap();
        let who = |d, m, s| holder(day(d), m, s).map(|id| post(id).person);
        assert_eq!(
            who("2023-05-10", Some("MSB"), None),
            Some("Dorothee Feller")
        );
        assert_eq!(who("2020-05-10", Some("MSB"), None), Some("Yvonne Gebauer"));
        assert_eq!(
            who("2014-03-01", Some("FM"), Some("Walter-Borjans")),
            Some("Norbert Walter-Borjans")
        );
        assert_eq!(
            who("2016-03-01", Some("MAIS"), None),
            Some("Rainer Schmeltzer")
        );
        assert_eq!(
            who("2014-03-01", Some("MAIS"), None),
            Some("Guntram Schneider")
        );
        assert_eq!(who("2024-01-10", Some("StK"), None), Some("Hendrik Wüst"));
        assert_eq!(
            who("2024-01-10", None, Some("Liminski")),
            Some("Nathanael Liminski")
        );
        assert_eq!(who("2024-01-10", Some("FM"), Some("Reul")), None);
    }
}
