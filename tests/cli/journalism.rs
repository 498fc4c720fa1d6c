//! The questions a journalist asks, as named queries, on the sample corpus.

use crate::common::*;

fn rows(store: &std::path::Path, name: &str) -> Vec<String> {
    query_out(store, name, "tsv")
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn how_each_faction_voted_on_each_paper() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let rows = rows(&store, "faction-votes");
    assert_eq!(
        rows[0],
        "?wahlperiode\t?date\t?subject\t?title\t?faction\t?position\t?result"
    );
    // 17/13778 in committee: SPD and GRÜNE for, FDP, CDU, AfD against; rejected.
    let on = |paper: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| r.contains(paper))
            .map(|r| {
                let c: Vec<&str> = r.split('\t').collect();
                format!(
                    "{} {} {}",
                    c[4].trim_matches('"'),
                    c[5].trim_matches('"'),
                    c[6].trim_matches('"')
                )
            })
            .collect()
    };
    let mut v = on("Drucksache 17/13778");
    v.sort();
    assert_eq!(
        v,
        [
            "AfD no rejected",
            "CDU no rejected",
            "FDP no rejected",
            "GRÜNE yes rejected",
            "SPD yes rejected"
        ]
    );
    assert_eq!(on("Drucksache 18/1669").len(), 5);
}

#[test]
fn which_factions_applaud_which_speakers() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let rows = rows(&store, "applause");
    assert_eq!(
        rows[0],
        "?speaker\t?speaker_faction\t?applauding_faction\t?times"
    );
    let find = |speaker: &str, faction: &str| {
        rows.iter()
            .find(|r| {
                r.starts_with(&format!("\"{speaker}\"")) && r.contains(&format!("\"{faction}\"\t"))
            })
            .map(|r| r.rsplit('\t').next().unwrap().to_owned())
    };
    assert_eq!(find("Ina Brandes", "CDU").as_deref(), Some("4"), "{rows:?}");
    assert_eq!(find("Ina Brandes", "FDP").as_deref(), Some("2"));
    assert_eq!(find("Björn Franken", "GRÜNE").as_deref(), Some("1"));
    assert_eq!(find("Alexander Baer", "SPD").as_deref(), Some("2"));
}

#[test]
fn every_mention_of_a_drucksache() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let rows = rows(&store, "mentions");
    assert_eq!(rows[0], "?paper\t?source\t?item\t?speaker\t?context");
    let body: Vec<&String> = rows.iter().skip(1).collect();
    assert!(body.iter().any(|r| r.contains("\"document\"")), "{body:?}");
    assert!(
        body.iter().any(|r| r.contains("\"Berivan Aymaz\"")),
        "the chair's referral mentions it: {body:?}"
    );
    assert!(body.iter().all(|r| r.starts_with("\"Drucksache 18/1669\"")));
}
