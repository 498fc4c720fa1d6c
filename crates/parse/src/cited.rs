//! What a document says of the papers it cites: their kind and who submitted them.
//!
//! A plenary protocol prints every paper under its agenda item (`Antrag / der Fraktion der CDU
//! und / der Fraktion BÜNDNIS 90/DIE GRÜNEN / Drucksache 18/17456 – Neudruck`, `Gesetzentwurf /
//! der Landesregierung / Drucksache 18/16225`, `Beschlussempfehlung / des Innenausschusses /
//! Drucksache 18/17492`), and speeches and votes name them in passing (`die Überweisung des
//! Antrages Drucksache 18/1669`). Papers the corpus does not hold get their kind this way.

use crate::model::{CitedPaper, DrucksacheKind, Faction, PaperKind};
use crate::words::collapse;
use regex::Regex;
use std::sync::LazyLock;

static CITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)\b(?P<kind>
            Entschließungsantr(?:ag|ages|ags) | Änderungsantr(?:ag|ages|ags) | Antr(?:ag|ages|ags)
          | Gesetzentw(?:urf|urfes|urfs) | Beschlu(?:ss|ß)empfehlung(?:\s+und\s+(?:des\s+)?Bericht(?:s|es)?)?
          | Unterrichtung | Mündliche[n]?\s+Anfrage | Große[n]?\s+Anfrage | Kleine[n]?\s+Anfrage
          | Antwort\s+der\s+Landesregierung
          | Wahlvorschlag(?:s|es)?
          | Übersicht(?:\s+\d+)?(?:\s+gemäß\s+§\s*\d+\s+Abs\.\s*\d+\s+GO)? )
        (?P<by>\s+(?:der|des|durch|von)\s[^.:;!?()„“|]{2,160}?)?
        [\s,–-]+Drucksache\s+(?P<wp>\d{1,2})/(?P<n>\d{1,6})\b",
    )
    .unwrap()
});
static FACTION: LazyLock<Regex> = LazyLock::new(|| {
    let spellings = crate::lexicon::spelling_pattern();
    Regex::new(&format!(r"Fraktion(?:\s+der)?\s+(?P<f>{spellings})")).unwrap()
});
static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^des\s+(?P<c>(?:[\p{L}\-]+\s+und\s+)?\p{L}*[Aa]usschusses(?:\s+für\s+[^\d]+?)?)\s*$",
    )
    .unwrap()
});

/// Every paper `text` names with its kind, once, in order of first mention; a later mention
/// adds who submitted it where the first did not say.
pub fn cited(text: &str) -> Vec<CitedPaper> {
    let mut out: Vec<CitedPaper> = Vec::new();
    for c in CITED.captures_iter(text) {
        let by = c
            .name("by")
            .map(|m| collapse(m.as_str()))
            // `der Fraktion BÜNDNIS 90/DIE GRÜNEN` has the only digits a submitter's name has.
            .filter(|b| !b.replace("90", "").contains(|ch: char| ch.is_ascii_digit()));
        let (Ok(wahlperiode), Ok(number)) = (c["wp"].parse(), c["n"].parse()) else {
            continue;
        };
        let paper = crate::model::PaperRef {
            kind: PaperKind::Drucksache,
            wahlperiode,
            number,
        };
        let factions = by.as_deref().map(factions_in).unwrap_or_default();
        let by_government =
            by.as_deref() == Some("der Landesregierung") || c["kind"].starts_with("Antwort");
        let committee = by
            .as_deref()
            .and_then(|b| COMMITTEE.captures(b))
            .map(|m| nominative(&m["c"]));
        let Some(kind) = kind_of(&c["kind"]) else {
            continue;
        };
        let found = CitedPaper {
            paper,
            kind,
            factions,
            by_government,
            committee,
            members: Vec::new(),
            question_number: None,
        };
        match out.iter_mut().find(|p| p.paper == found.paper) {
            Some(p) => {
                let said_nothing =
                    p.factions.is_empty() && !p.by_government && p.committee.is_none();
                if said_nothing && p.kind == found.kind {
                    p.factions = found.factions;
                    p.by_government = found.by_government;
                    p.committee = found.committee;
                }
            }
            None => out.push(found),
        }
    }
    out
}

static HEAD_BY: LazyLock<Regex> = LazyLock::new(|| {
    let f = crate::lexicon::spelling_pattern();
    Regex::new(&format!(r"^\s*(?P<by>der\s+Landesregierung|der\s+Fraktion(?:\s+der)?\s+(?:{f})(?:(?:\s*,|\s+und)\s+der\s+Fraktion(?:\s+der)?\s+(?:{f}))*)")).unwrap()
});

/// Who submitted a Drucksache, from its own head: `Antrag` followed by `der Fraktion der CDU
/// und der Fraktion BÜNDNIS 90/DIE GRÜNEN` or `der Landesregierung` (`after_kind`); and how much
/// of `after_kind` that took.
pub fn submitted(
    paper: crate::model::PaperRef,
    kind: &str,
    after_kind: &str,
) -> Option<(CitedPaper, usize)> {
    let c = HEAD_BY.captures(after_kind)?;
    let len = c.get(0).unwrap().end();
    let by = collapse(&c["by"]);
    let factions = factions_in(&by);
    let p = CitedPaper {
        paper,
        kind: kind_of(kind)?,
        factions,
        by_government: by == "der Landesregierung",
        committee: None,
        members: Vec::new(),
        question_number: None,
    };
    Some((p, len))
}

/// The factions a submitter phrase names, each once: `der Fraktion der CDU und der Fraktion
/// BÜNDNIS 90/DIE GRÜNEN`.
fn factions_in(by: &str) -> Vec<Faction> {
    let mut out = Vec::new();
    for f in FACTION.captures_iter(by) {
        if let Some(f) = super::speaker::faction_from_label(&f["f"]).filter(|f| !out.contains(f)) {
            out.push(f);
        }
    }
    out
}

/// The kind a printed form names, in any case: `des Antrages` → `Antrag`, `Mündlichen Anfrage`
/// → `Mündliche Anfrage`, `Antwort` → `Antwort der Landesregierung`; `None` for no kind.
pub fn kind_of(printed: &str) -> Option<DrucksacheKind> {
    use DrucksacheKind as K;
    // The spelling before the 1996 reform: `Beschlußempfehlung`.
    let p = collapse(printed).replace("Beschluß", "Beschluss");
    let stems = [
        ("Entschließungsantr", K::Entschliessungsantrag),
        ("Änderungsantr", K::Aenderungsantrag),
        ("Antr", K::Antrag),
        ("Gesetzentw", K::Gesetzentwurf),
        ("Beschlussempfehlung und", K::BeschlussempfehlungUndBericht),
        ("Beschlussempfehlung", K::Beschlussempfehlung),
        ("Unterrichtung", K::Unterrichtung),
        ("Mündliche", K::MuendlicheAnfrage),
        ("Große", K::GrosseAnfrage),
        ("Kleine", K::KleineAnfrage),
        ("Übersicht", K::Uebersicht),
        ("Antwort", K::AntwortDerLandesregierung),
        ("Wahlvorschl", K::Wahlvorschlag),
    ];
    stems
        .iter()
        .find(|(stem, _)| p.starts_with(stem))
        .map(|(_, k)| *k)
}

/// `Haushalts- und Finanzausschusses` → `Haushalts- und Finanzausschuss`.
fn nominative(genitive: &str) -> String {
    genitive
        .split_whitespace()
        .map(|w| {
            w.strip_suffix("ausschusses")
                .map_or(w.to_owned(), |s| format!("{s}ausschuss"))
        })
        .map(|w| {
            if w == "Ausschusses" {
                "Ausschuss".to_owned()
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(p: &CitedPaper) -> String {
        format!(
            "{}/{} {} {:?} {} {}",
            p.paper.wahlperiode,
            p.paper.number,
            p.kind,
            p.factions,
            p.by_government,
            p.committee.clone().unwrap_or_default(),
        )
    }

    #[test]
    fn the_submitters_a_drucksache_prints_in_its_head() {
        let own = crate::model::PaperRef {
            kind: PaperKind::Drucksache,
            wahlperiode: 18,
            number: 17456,
        };
        let head = " der Fraktion der CDU und\nder Fraktion BÜNDNIS 90/DIE GRÜNEN\nEin Titel";
        let (p, len) = submitted(own, "Antrag", head).unwrap();
        assert_eq!(&head[len..], "\nEin Titel");
        assert_eq!(show(&p), "18/17456 Antrag [Cdu, Gruene] false ");
        let (p, _) = submitted(own, "Gesetzentwurf", " der Landesregierung\nGesetz zur …").unwrap();
        assert_eq!(show(&p), "18/17456 Gesetzentwurf [] true ");
        assert!(submitted(own, "Antrag", " Verwaltung digitalisieren").is_none());
    }

    #[test]
    fn kinds_and_submitters_of_the_papers_an_item_lists() {
        let text = "2 Ein Titel\n\nAntrag\nder Fraktion der CDU und\nder Fraktion BÜNDNIS 90/DIE GRÜNEN\n\
            Drucksache 18/17456 – Neudruck\n\nGesetzentwurf\nder Landesregierung\nDrucksache 18/16225\n\n\
            Beschlussempfehlung\ndes Haushalts- und Finanzausschusses\nDrucksache 18/17495\n\n\
            Mündliche Anfrage\nDrucksache 18/17538\n\nÜbersicht 38\ngemäß § 82 Abs. 2 GO\nDrucksache 18/17441\n\nUnterrichtung\ndurch den Präsidenten\nDrucksache 18/17162\n\n\
            Der Ältestenrat empfiehlt die Überweisung des Antrages Drucksache 18/1669 an den Ausschuss. \
            In Drucksache 18/1 steht es. Die Antwort der Landesregierung – Drucksache 18/293; für alle. Die Abstimmung über den Antrag der Fraktion der SPD Drucksache 18/17449.";
        let got: Vec<String> = cited(text).iter().map(show).collect();
        assert_eq!(
            got,
            [
                "18/17456 Antrag [Cdu, Gruene] false ",
                "18/16225 Gesetzentwurf [] true ",
                "18/17495 Beschlussempfehlung [] false Haushalts- und Finanzausschuss",
                "18/17538 Mündliche Anfrage [] false ",
                "18/17441 Übersicht [] false ",
                "18/17162 Unterrichtung [] false ",
                "18/1669 Antrag [] false ",
                "18/293 Antwort der Landesregierung [] true ",
                "18/17449 Antrag [Spd] false ",
            ]
        );
    }

    #[test]
    fn factions_of_earlier_periods_submit_too() {
        let text = "Antrag\nder Fraktion der PIRATEN\nDrucksache 16/7621\n\nEntschließungsantrag\nder Fraktion DIE LINKE\nDrucksache 15/2000\n";
        let got: Vec<String> = cited(text).iter().map(show).collect();
        assert_eq!(
            got,
            [
                "16/7621 Antrag [Piraten] false ",
                "15/2000 Entschließungsantrag [Linke] false "
            ]
        );
    }
}
