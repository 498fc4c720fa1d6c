//! The full-text index beside the store (issue 28): every speech holding a word is found, an
//! inflected form finds the base form, the index follows the store (directly and through a
//! running server), a store without an index still serves SPARQL.

use crate::common::*;
use crate::endpoint::{agent, serve};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn search_json(store: &Path, args: &[&str]) -> serde_json::Value {
    let out = ok(&[&["search", "--store", s(store), "--json"][..], args].concat());
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn hit_ids(answer: &serde_json::Value) -> BTreeSet<String> {
    answer["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Every speech's text, by IRI.
fn speeches(store: &Path) -> BTreeMap<String, String> {
    query_rows(
        store,
        "SELECT ?s ?t WHERE { ?s a <http://www.w3.org/ns/opengov#Speech> ; <http://schema.org/text> ?t }",
    )
    .into_iter()
    .map(|r| (r[0].clone(), r[1].clone()))
    .collect()
}

#[test]
fn every_speech_holding_a_word_is_a_hit_and_inflected_forms_find_the_base_form() {
    let dir = tempdir();
    let store = ingested(dir.path());
    ok(&["ingest", s(&sample_pdf()), "--store", s(&store)]);
    let texts = speeches(&store);
    assert!(texts.len() > 300, "{}", texts.len());
    // Words of the speeches themselves, every 97th of those of 5 letters or more, and some
    // a journalist would ask for.
    let mut words: BTreeSet<String> = [
        "Schule",
        "Digitalisierung",
        "Landesregierung",
        "Polizei",
        "Haushalt",
    ]
    .iter()
    .map(|w| w.to_string())
    .collect();
    let all: Vec<&str> = texts
        .values()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 5)
        .collect();
    words.extend(all.iter().step_by(97).map(|w| w.to_string()));
    assert!(words.len() > 40, "{}", words.len());
    for word in &words {
        let re = regex::Regex::new(&format!(
            r"(?i)(^|[^\p{{L}}\p{{N}}]){}($|[^\p{{L}}\p{{N}}])",
            regex::escape(word)
        ))
        .unwrap();
        let want: BTreeSet<&String> = texts
            .iter()
            .filter(|(_, t)| re.is_match(t))
            .map(|(id, _)| id)
            .collect();
        let got = hit_ids(&search_json(
            &store,
            &[word, "--kind", "speech", "--limit", "1000"],
        ));
        let missing: Vec<&&String> = want.iter().filter(|id| !got.contains(**id)).collect();
        assert!(
            missing.is_empty(),
            "`{word}`: {} of {} speeches not found: {missing:?}",
            missing.len(),
            want.len()
        );
    }
    // An inflected form finds the speeches of the base form: `Schulen` finds one that says
    // `Schule` and never `Schulen`.
    let got = hit_ids(&search_json(
        &store,
        &["Schulen", "--kind", "speech", "--limit", "1000"],
    ));
    let base_only = regex::Regex::new(r"(?i)\bSchule\b").unwrap();
    let inflected = regex::Regex::new(r"(?i)\bSchulen\b").unwrap();
    assert!(
        got.iter()
            .any(|id| base_only.is_match(&texts[id]) && !inflected.is_match(&texts[id])),
        "no speech with `Schule` alone among {} hits for `Schulen`",
        got.len()
    );
    // Phrases, excluded words, filters.
    let phrase = search_json(&store, &["\"Digitale Modellregionen\""]);
    assert!(phrase["total"].as_u64().unwrap() >= 1);
    let with = hit_ids(&search_json(
        &store,
        &["Schule", "--kind", "speech", "--limit", "1000"],
    ));
    let without = hit_ids(&search_json(
        &store,
        &["Schule -Politik", "--kind", "speech", "--limit", "1000"],
    ));
    let politik = regex::Regex::new(r"(?i)\bPolitik\b").unwrap();
    assert!(
        without.len() < with.len(),
        "{} of {}",
        without.len(),
        with.len()
    );
    assert!(without.iter().all(|id| !politik.is_match(&texts[id])));
    let period = search_json(&store, &["Schule", "--wahlperiode", "17"]);
    assert!(period["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["period"] == 17));
    let cdu = search_json(&store, &["Schule", "--faction", "CDU", "--kind", "speech"]);
    assert!(cdu["total"].as_u64().unwrap() >= 1);
    let late = search_json(&store, &["Schule", "--from", "2026-01-01"]);
    assert!(late["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["date"].as_str() >= Some("2026-01-01")));
    // A bad filter is an error that says so.
    let out = run(&["search", "--store", s(&store), "Schule", "--kind", "rede"]);
    assert!(!out.status.success() && stderr(&out).contains("--kind rede"));
}

#[test]
fn the_index_follows_the_store_directly_and_through_a_running_server() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let text = std::fs::read_to_string(corpus().join("mmp18-15_excerpt.txt")).unwrap();
    let file = dir.path().join("mmp18-15.txt");
    // Words no German text holds, put where the protocol says `Antragsteller`.
    let word = "Antragsteller";
    assert!(text.contains(word));
    std::fs::write(&file, text.replace(word, "Quarzmondwandler")).unwrap();
    ok(&["ingest", s(&file), "--store", s(&store)]);
    let total = |q: &str| search_json(&store, &[q])["total"].as_u64().unwrap();
    assert!(total("Quarzmondwandler") >= 1);
    // Changed: a word replaced is no longer found, the new one is.
    std::fs::write(&file, text.replace(word, "Zauberwortsteller")).unwrap();
    ok(&["ingest", s(&file), "--store", s(&store)]);
    assert_eq!(total("Quarzmondwandler"), 0);
    assert!(total("Zauberwortsteller") >= 1);
    // Through a running server: handed over, stored, indexed; the server's own answer too.
    let server = serve(&store, &[]);
    std::fs::write(&file, text.replace(word, "Kristallwortsteller")).unwrap();
    ok(&["ingest", s(&file), "--store", s(&store)]);
    let answer: serde_json::Value = agent()
        .get(format!("{}/search", server.url))
        .query("q", "Kristallwortsteller")
        .header("Accept", "application/json")
        .call()
        .unwrap()
        .body_mut()
        .read_to_string()
        .map(|b| serde_json::from_str(&b).unwrap())
        .unwrap();
    assert!(answer["total"].as_u64().unwrap() >= 1, "{answer}");
    let hit = &answer["hits"][0];
    for key in ["id", "kind", "document", "label", "snippet", "score"] {
        assert!(!hit[key].is_null(), "{key}: {hit}");
    }
    let old = agent()
        .get(format!("{}/search", server.url))
        .query("q", "Zauberwortsteller")
        .header("Accept", "application/json")
        .call()
        .unwrap()
        .body_mut()
        .read_to_string()
        .map(|b| serde_json::from_str::<serde_json::Value>(&b).unwrap())
        .unwrap();
    assert_eq!(old["total"], 0, "{old}");
    drop(server);
    let check = ok(&["index", "--check", "--store", s(&store)]);
    assert!(stderr(&check).contains("agrees with the store"));
}

#[test]
fn a_store_without_an_index_serves_sparql_and_says_the_index_is_missing() {
    let dir = tempdir();
    let store = ingested(dir.path());
    std::fs::remove_dir_all(store.join("search")).unwrap();
    let out = run(&["search", "--store", s(&store), "Schule"]);
    assert!(
        !out.status.success() && stderr(&out).contains("landtag-lod index --store"),
        "{}",
        stderr(&out)
    );
    let server = serve(&store, &[]);
    let r = agent()
        .get(format!("{}/search", server.url))
        .query("q", "Schule")
        .call()
        .unwrap();
    assert_eq!(r.status().as_u16(), 503);
    let r = agent()
        .get(format!("{}/sparql", server.url))
        .query("query", "ASK { ?s ?p ?o }")
        .call()
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    drop(server);
    // Built from the store by a command: the same answers as kept in step.
    ok(&["index", "--store", s(&store)]);
    assert!(search_json(&store, &["Schule"])["total"].as_u64().unwrap() >= 1);
}
